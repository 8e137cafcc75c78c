# The two commands of the README: `make run` and `make test`. Variables: see README.md.
.PHONY: run test lint setup bench clean i18n

run:
	@bash scripts/run.sh

test:
	@bash scripts/test.sh

lint:
	@bash scripts/lint.sh

setup:
	@bash scripts/setup.sh

clean:
	rm -rf .build

i18n:
	@bash scripts/i18n.sh

bench:
	@bash scripts/bench.sh
