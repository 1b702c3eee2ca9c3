#!/usr/bin/env bash
# Installs the build into a temporary prefix (cmake --install) and runs the installed programs
# from outside the source and build trees: the layout is what Debian expects, the installed
# parley-cli validates the installed scenarios, and the content search finds them from the
# program's own location (../share/parley), overridden by PARLEY_CONTENT and the user's folder.
# With XVFB_RUN and MAKE_TRANSCRIPT (GUI builds), the installed player also plays a meeting under
# Xvfb on the installed content, found by itself, and saves screenshots.
# The installed programs run with the source and build trees hidden (empty folders mounted over
# them in a private mount namespace, when the test may make one: root, or a user namespace), so
# nothing can be read from them, not even by a path compiled into a program.
#   install_test.sh CMAKE BUILD_DIR [XVFB_RUN MAKE_TRANSCRIPT]
# (run again by itself with --hidden WORK BUILD SOURCE … inside the namespace)
set -euo pipefail
fail() { echo "install test: $*" >&2; exit 1; }

# Inside the namespace: hide the trees, then run the checks of the installed programs.
if [ "${1:-}" = --hidden ]; then
  shift
  work="$1" build="$2" source_dir="$3" xvfb_run="${4:-}" make_transcript="${5:-}" sanitized="${6:-}"
  mount -t tmpfs -o size=64k,mode=0555 parley-build-hidden "$build"
  mount -t tmpfs -o size=64k,mode=0555 parley-source-hidden "$source_dir"
  [ ! -e "$source_dir/scenarios" ] && [ ! -e "$build/CMakeCache.txt" ] || fail "the trees are not hidden"
  echo "install test: the source and build trees are hidden"
  hidden=1
else
  cmake="$1" build="$2" xvfb_run="${3:-}" make_transcript="${4:-}"
  hidden=0
fi

board_pid=""
if [ "$hidden" = 0 ]; then
  # A temporary folder outside the source and build trees (the content search looks upwards
  # from the current directory), removed afterwards.
  work="$(mktemp -d "${TMPDIR:-/tmp}/parley-install-test.XXXXXX")"
  trap '[ -z "$board_pid" ] || kill "$board_pid" 2>/dev/null; rm -rf "$work"' EXIT
  mkdir -p "$work/home" "$work/elsewhere" "$work/tools"
  prefix="$work/usr"
  "$cmake" --install "$build" --prefix "$prefix" >"$work/install.log"
  # What the checks need from the trees, taken before they are hidden.
  source_dir="$(sed -n 's/^parley_SOURCE_DIR:STATIC=//p' "$build/CMakeCache.txt")"
  diff -r "$source_dir/scenarios" "$prefix/share/parley/scenarios" >"$work/content.diff" \
    || { cat "$work/content.diff"; fail "the installed scenarios are not the shipped ones"; }
  sanitized=""
  if grep -q '^PARLEY_SANITIZE:BOOL=ON$' "$build/CMakeCache.txt"; then sanitized=1; fi
  man_pages=""
  if grep -q '^HELP2MAN:FILEPATH=.*help2man$' "$build/CMakeCache.txt"; then man_pages=1; fi
  if [ -n "$make_transcript" ]; then cp "$make_transcript" "$work/tools/"; make_transcript="$work/tools/$(basename "$make_transcript")"; fi
  # The man pages and layout are checked here; the programs run below, in the namespace.
  if unshare --mount --propagation private mount -t tmpfs -o size=64k parley-probe "$work/tools" 2>/dev/null; then
    export PARLEY_INSTALL_MAN_PAGES="$man_pages"
    unshare --mount --propagation private bash "${BASH_SOURCE[0]}" --hidden "$work" "$build" "$source_dir" \
      "$xvfb_run" "$make_transcript" "$sanitized"
    exit $?
  fi
  echo "install test: no private mount namespace here (needs root): the trees stay visible"
  export PARLEY_INSTALL_MAN_PAGES="$man_pages"
else
  trap '[ -z "$board_pid" ] || kill "$board_pid" 2>/dev/null' EXIT
  prefix="$work/usr"
fi

# Run as a user of the installed programs would: from a folder outside both trees, with a
# home of their own and no Parley settings in the environment.
cd "$work/elsewhere"
export HOME="$work/home"
unset XDG_DATA_HOME PARLEY_CONTENT PARLEY_ASSETS

share="$prefix/share"
cli="$prefix/bin/parley-cli"
[ -x "$cli" ] || fail "bin/parley-cli not installed"
[ -f "$share/parley/scenarios/competencies.json" ] || fail "share/parley/scenarios not installed"
[ -f "$share/parley/assets/icons/parley.svg" ] || fail "share/parley/assets not installed"
[ ! -e "$share/parley/assets/make-icons.sh" ] || fail "the icon script is a source file, not an asset"

# Every GUI program installed comes with its menu entry, its icon at every size, and the
# window icon asset it loads.
for program in parley parley-editor parley-board; do
  [ -x "$prefix/bin/$program" ] || continue
  desktop="$share/applications/$program.desktop"
  [ -f "$desktop" ] || fail "$program: no $desktop"
  grep -q "^Name\[zh_CN\]=" "$desktop" || fail "$program: no Chinese name in its .desktop"
  grep -q "^Exec=$program" "$desktop" || fail "$program: its .desktop does not start it"
  if command -v desktop-file-validate >/dev/null; then desktop-file-validate "$desktop"; fi
  for size in 16 32 48 64 128 256; do
    [ -f "$share/icons/hicolor/${size}x${size}/apps/$program.png" ] || fail "$program: no ${size}px icon"
  done
  [ -f "$share/icons/hicolor/scalable/apps/$program.svg" ] || fail "$program: no scalable icon"
  [ -f "$share/parley/assets/icons/hicolor/128x128/apps/$program.png" ] || fail "$program: no window icon"
  echo "install test: $program: menu entry and icons ok"
done
# Man pages are made when the build found help2man (optional: the build works without it).
if [ -n "${PARLEY_INSTALL_MAN_PAGES:-}" ]; then
  for program in "$prefix"/bin/*; do
    [ -f "$share/man/man1/$(basename "$program").1" ] || fail "no man page for $(basename "$program")"
  done
fi

# The installed content is exactly the shipped content, and the installed CLI validates the
# installed scenarios, finding their content root. The sanitized build (about nine times slower)
# validates one meeting: the content gate already proves every meeting sound under it.
if [ -n "$sanitized" ]; then
  "$cli" validate "$share/parley/scenarios/library/new-company-accounts.json"
else
  "$cli" validate "$share/parley/scenarios" >"$work/validate.out" \
    || { cat "$work/validate.out"; fail "the installed parley-cli refuses the installed scenarios"; }
  grep -q ' 0 errors, 0 warnings' "$work/validate.out" \
    || { cat "$work/validate.out"; fail "the installed scenarios do not validate cleanly"; }
fi

# With no --content, the installed content is found beside the program. A broken competency
# model put there shows that it is that content, not the source tree's, that is read.
"$cli" coverage >/dev/null || fail "the installed parley-cli does not find its content"
installed="$share/parley/scenarios"
cp -r "$installed" "$work/clean"
echo '{' >"$installed/competencies.json"
if "$cli" coverage >/dev/null 2>"$work/coverage.err"; then fail "the installed content was not the one read"; fi
grep -q "content in $installed does not load" "$work/coverage.err" \
  || fail "the broken installed content was not reported: $(cat "$work/coverage.err")"

# Overrides, in their documented order: the user's own folder, then PARLEY_CONTENT.
user="$HOME/.local/share/parley/scenarios"
mkdir -p "$(dirname "$user")"
cp -r "$work/clean" "$user"
"$cli" coverage >/dev/null || fail "the user's scenarios folder does not override the installed content"
mkdir -p "$work/course"
cp -r "$work/clean" "$work/course/scenarios"
echo '{' >"$user/competencies.json"
PARLEY_CONTENT="$work/course" "$cli" coverage >/dev/null || fail "PARLEY_CONTENT does not override the user's folder"
cp "$work/clean/competencies.json" "$installed/competencies.json"
rm -rf "$user"

# The installed player, with no --content, plays a meeting through its window and saves screens.
if [ -x "$prefix/bin/parley" ] && [ -n "$xvfb_run" ] && [ -n "$make_transcript" ]; then
  "$make_transcript" "$installed" sme-working-capital analytical 42 normal "$work/transcript.json" >/dev/null
  "$xvfb_run" -a -s "-screen 0 1280x800x24" "$prefix/bin/parley" --autoplay "$work/transcript.json" \
    --screenshots "$work/screens" >"$work/player.json" 2>"$work/player.err" \
    || { cat "$work/player.err"; fail "the installed player did not play the meeting"; }
  [ -s "$work/screens/01-library.png" ] || fail "the installed player saved no screenshot"
  grep -q '"decisions"' "$work/player.json" || fail "the installed player printed no result"
  echo "install test: the installed player played a meeting under Xvfb ($(ls "$work/screens" | wc -l) screenshots)"
fi
# The installed board server, with no --content, serves the installed content: a trainer
# creates a session for a bundled meeting and a trainee joins it.
if [ -x "$prefix/bin/parley-board" ]; then
  "$prefix/bin/parley-board" serve --port 0 --db "$work/board.sqlite" >"$work/board.out" 2>&1 &
  board_pid=$!
  for _ in $(seq 100); do grep -q '^trainer token: ' "$work/board.out" && break; sleep 0.2; done
  address="$(sed -n 's/^parley-board: serving \(http[^ ]*\) .*/\1/p' "$work/board.out")"
  token="$(sed -n 's/^trainer token: //p' "$work/board.out")"
  [ -n "$address" ] && [ -n "$token" ] || { cat "$work/board.out"; fail "the installed parley-board did not start"; }
  grep -q "content $installed" "$work/board.out" \
    || fail "the installed parley-board does not serve the installed content: $(head -1 "$work/board.out")"
  /usr/bin/python3 - "$address" "$token" <<'PY' || fail "the installed parley-board did not run a session"
import json, sys, urllib.request
address, token = sys.argv[1], sys.argv[2]
def post(path, body, auth=None):
    headers = {"Content-Type": "application/json"}
    if auth: headers["Authorization"] = "Bearer " + auth
    req = urllib.request.Request(address + path, json.dumps(body).encode(), headers, method="POST")
    with urllib.request.urlopen(req, timeout=30) as r:
        return r.status, json.load(r)
status, made = post("/api/sessions", {"scenario": "sme-working-capital", "persona": "analytical",
                                      "seed": 42, "difficulty": "normal"}, token)
assert status == 201, status
status, joined = post("/api/sessions/%s/join" % made["code"], {"name": "李明"})
assert status == 200 and joined["scenario"] == "sme-working-capital" and joined["scenario_hash"], joined
PY
  kill "$board_pid"; wait "$board_pid" 2>/dev/null || true; board_pid=""
  echo "install test: the installed parley-board served a session on the installed content"
fi

# The installed editor, with no --content, opens an installed meeting under Xvfb and draws it.
if [ -x "$prefix/bin/parley-editor" ] && [ -n "$xvfb_run" ]; then
  "$xvfb_run" -a -s "-screen 0 1280x800x24" "$prefix/bin/parley-editor" \
    "$installed/library/new-company-accounts.json" --state-dir "$work/editor-state" \
    --screenshot "$work/editor.png" >"$work/editor.out" 2>&1 \
    || { cat "$work/editor.out"; fail "the installed editor did not open an installed meeting"; }
  [ -s "$work/editor.png" ] || fail "the installed editor saved no screenshot"
  echo "install test: the installed parley-editor opened an installed meeting under Xvfb"
fi
echo "install test: the installed parley-cli finds and validates the installed content; the overrides win in order"
