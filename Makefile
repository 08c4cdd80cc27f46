# Two commands on a fresh machine: `make demo` and `make test`. Both create .venv themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench lint-data clean train

$(STAMP): setup.cfg setup.py pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

# Review the bundled sample contracts and draft one agreement from a sample deal sheet.
# msa-check exits 1 when it finds high-severity problems, which the noncompliant samples have.
demo: $(STAMP)
	$(BIN)/msa-check samples/contracts/ --format text || [ $$? -eq 1 ]
	$(BIN)/msa-check samples/contracts/ --output-dir demo-output --force || [ $$? -eq 1 ]
	$(BIN)/msa-check samples/contracts/noncompliant_msa.docx --format docx \
		-o demo-output/noncompliant_msa_annotated.docx --force || [ $$? -eq 1 ]
	$(BIN)/msa-draft samples/deals/florida_fixed_fee.yaml -o demo-output/florida_fixed_fee_draft.docx --force
	@echo "Reports written to demo-output/ (index.html, summary.csv, summary.xlsx, per-contract reports,"
	@echo "and noncompliant_msa_annotated.docx: the Word sample with a comment on each finding)"

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python -m pip install -q -e '.[test,bench]'
	$(BIN)/python benchmarks/run.py

train: $(STAMP)
	$(BIN)/python training/train.py

lint-data: $(STAMP)
	$(BIN)/msa-draft --validate-library

clean:
	rm -rf $(VENV) build dist *.egg-info demo-output .pytest_cache
