#!/usr/bin/env bash
# Rewrites the coverage table of scenarios/README.md (§9) from `parley-cli coverage --markdown`.
# Usage: bash tools/update-coverage-table.sh [PARLEY_CLI]   (default: build/tools/cli/parley-cli)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cli=${1:-$here/build/tools/cli/parley-cli}
table=$("$cli" coverage --markdown "$here/scenarios")
TABLE="$table" python3 - "$here/scenarios/README.md" <<'PY'
import os, sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
begin = "<!-- coverage:begin (parley-cli coverage --markdown scenarios) -->\n"
end = "<!-- coverage:end -->"
a, b = text.index(begin) + len(begin), text.index(end)
text = text[:a] + "\n" + os.environ["TABLE"] + "\n\n" + text[b:]
open(path, "w", encoding="utf-8").write(text)
PY
