"""The one way an importer says no: a list of reasons in the user's language."""


class SurveyFileRefused(Exception):
    """The file or the mapping cannot be used; ``problems`` says why, one sentence each.

    ``sheets`` names a workbook's sheets when the refusal is about one of them (an empty
    sheet, say), so the page can still offer the others.
    """

    def __init__(self, problems: list[str], sheets: tuple[str, ...] = ()) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems
        self.sheets = sheets
