#!/usr/bin/env bash
# The Python package's tests (issue 14): builds the package from source with
# the README's command into a virtual environment under target/, and runs
# its pytest suite, the Spark job in local mode included. Needs python3
# with venv and pip, the Rust toolchain, and a Java runtime for Spark
# (installed from Debian's packages when missing and apt-get can).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v java >/dev/null; then
    if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
        apt-get install -y -q default-jre-headless >/dev/null
    else
        echo "python_tests.sh: Spark needs a Java runtime (apt-get install default-jre-headless)" >&2
        exit 1
    fi
fi

venv=target/python-venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/python" -m pip install -q --disable-pip-version-check -r python/requirements-test.txt
"$venv/bin/python" -m pip install -q --disable-pip-version-check --force-reinstall --no-deps ./python
VITEXT_REQUIRE_SPARK=1 "$venv/bin/python" -m pytest -q python/tests
