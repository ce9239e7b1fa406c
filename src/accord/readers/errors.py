"""The reasons an input is rejected, as one exception type the readers raise and catch."""


class InputRejected(ValueError):
    """An input that cannot become an article; the message is the reason a user reads."""
