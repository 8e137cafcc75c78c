# The two commands of the README: `make run` and `make test`. Variables: see README.md.
# Each target runs the set-up once (scripts/setup.sh), the scripts it calls skip it.
.PHONY: run test lint format readme setup bench load clean i18n upgrade-test

run:
	@bash scripts/run.sh

test:
	@bash scripts/test.sh

upgrade-test:
	@bash scripts/upgrade_test.sh

lint:
	@bash scripts/lint.sh

format:
	@bash scripts/format.sh

readme:
	@bash -c 'source scripts/common.sh && run_setup && "$$PYTHON" scripts/gen_readme.py'

setup:
	@bash scripts/setup.sh

clean:
	rm -rf .build

i18n:
	@bash scripts/i18n.sh

bench:
	@bash scripts/bench.sh

load:
	@bash scripts/load.sh
