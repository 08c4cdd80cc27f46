"""In CI the system tools are installed by .ci/run, so tests that need them must run, not skip."""
import os
import shutil

import pytest

TOOLS = ("soffice", "pdftoppm", "chromium")


@pytest.mark.skipif(os.environ.get("CI") != "true", reason="only CI promises the system tools")
@pytest.mark.parametrize("tool", TOOLS)
def test_ci_has_the_system_tools_the_tests_need(tool):
    assert shutil.which(tool), f"{tool} is missing: .ci/run should have installed it"
