"""Build hook: ship the top-level clause_library/ and models/ inside the wheel as package data.

Metadata lives in setup.cfg; this file only teaches build_py to copy the two data folders into
``msa_toolkit/`` so an installed package finds them (see msa_toolkit/resources.py).
"""
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

DATA_FOLDERS = ("clause_library", "models")


class BuildPyWithData(build_py):
    def run(self):
        super().run()
        for name in DATA_FOLDERS:
            source = Path(name)
            if source.is_dir():
                shutil.copytree(source, Path(self.build_lib) / "msa_toolkit" / name, dirs_exist_ok=True)


setup(cmdclass={"build_py": BuildPyWithData})
