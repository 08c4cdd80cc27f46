"""The progress bar: on a terminal only, and never on stdout."""
from __future__ import annotations

import io

from msa_toolkit.batch import review
from msa_toolkit.batch.progress import Progress

from .conftest import write_files


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_shows_done_total_rate_and_time_left_on_a_terminal():
    screen = Terminal()
    bar = Progress(4, stream=screen)

    bar.advance()
    bar.advance(3)
    bar.close()

    assert "4/4 files" in screen.getvalue()
    assert "/s" in screen.getvalue() and "left" in screen.getvalue()


def test_progress_is_silent_when_not_a_terminal():
    piped = io.StringIO()
    bar = Progress(2, stream=piped)

    bar.advance(2)
    bar.close()

    assert piped.getvalue() == ""


def test_a_review_with_progress_writes_nothing_to_stdout(tmp_path, make_options, capfd):
    files = write_files(tmp_path, {"a.txt": "fixed", "b.txt": "PERCENT"})

    list(review(files, make_options(), progress=True))

    out, err = capfd.readouterr()
    assert out == ""
    assert err == ""  # stderr here is not a terminal
