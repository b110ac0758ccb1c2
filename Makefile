# Two commands do all the set-up on a fresh machine: `make run` and `make test`.
# Both create .venv (once) and install the project with its extras; rerunning
# them is cheap because the install is stamped against pyproject.toml.

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
PYTEST_ARGS ?=

.PHONY: run test lint typecheck bench screenshots package package-check resources clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[test,dev]'
	@touch $@

run: $(STAMP)
	$(PY) -m stretchguide

test: $(STAMP)
	$(PY) -m pytest $(PYTEST_ARGS)

# The same three checks run from .pre-commit-config.yaml.
lint: $(STAMP)
	$(VENV)/bin/ruff check src tests tools bench
	$(VENV)/bin/ruff format --check src tests tools bench
	$(VENV)/bin/mypy

bench: $(STAMP)
	@for b in bench/bench_*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

# The resource generators, not tools/gen_history.py (bench data, needs --data-dir).
RESOURCE_TOOLS := tools/gen_sounds.py tools/gen_voice.py tools/gen_images.py tools/gen_icons.py tools/gen_voice_dict.py tools/i18n_qt.py

resources: $(STAMP)
	@for t in $(RESOURCE_TOOLS); do echo "== $$t"; $(PY) $$t || exit 1; done

screenshots: $(STAMP)
	$(PY) tools/screenshots.py

package: $(STAMP)
	$(VENV)/bin/pyinstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller packaging/stretchguide.spec

# check.sh builds the wheel and the bundle itself, from a clean clone of HEAD.
package-check: $(STAMP)
	bash packaging/check.sh

clean:
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache
