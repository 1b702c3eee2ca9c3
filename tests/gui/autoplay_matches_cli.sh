#!/usr/bin/env bash
# The scripted player against the command-line tool, through the real window under Xvfb:
#   1. make a valid transcript of the scenario from the engine's analysis (varied moves);
#   2. `parley --autoplay` plays it through the UI (synthetic clicks and key presses), saving a
#      PNG of each screen, and prints the debrief JSON;
#   3. that JSON must equal `parley-cli replay --json` of the same transcript, byte for byte;
#   4. the screenshots of every screen exist at 1280×800, and the run was recorded in the
#      progress database.
#   With CONDUCT "violate" the run crosses a compliance red line, and the result must say so.
# usage: autoplay_matches_cli.sh XVFB_RUN PARLEY PARLEY_CLI MAKE_TRANSCRIPT CONTENT SCENARIO PERSONA DIFFICULTY CONDUCT WORKDIR
set -euo pipefail
xvfb_run=$1 parley=$2 cli=$3 make_transcript=$4 content=$5 scenario=$6 persona=$7 difficulty=$8 conduct=$9 work=${10}

rm -rf "$work"
mkdir -p "$work"
extra=()
[ "$conduct" = violate ] && extra=(violate)
"$make_transcript" "$content" "$scenario" "$persona" 42 "$difficulty" "$work/transcript.json" "${extra[@]}"
"$cli" replay "$work/transcript.json" --content "$content" --json > "$work/expected.json"

"$xvfb_run" -a -s "-screen 0 1280x800x24" \
  "$parley" --content "$content" --autoplay "$work/transcript.json" --screenshots "$work/screens" \
            --data-dir "$work/data" --lang zh > "$work/actual.json" 2> "$work/stderr.txt" || {
  echo "parley --autoplay failed:"; grep -v "vertical sync" "$work/stderr.txt"; exit 1; }

if ! cmp -s "$work/expected.json" "$work/actual.json"; then
  echo "the player's result differs from parley-cli replay --json:"
  diff "$work/expected.json" "$work/actual.json" | head -40
  exit 1
fi

/usr/bin/python3 - "$work" "$conduct" <<'PY'
import json, sqlite3, struct, sys, pathlib
work = pathlib.Path(sys.argv[1])
conduct = sys.argv[2]
shots = sorted(p.name for p in (work / "screens").glob("*.png"))
for screen in ("library", "briefing", "meeting-01", "meeting-end", "debrief", "progress"):
    if not any(name.endswith("-" + screen + ".png") for name in shots):
        sys.exit(f"no screenshot of the {screen} screen among {shots}")
for name in shots:
    with open(work / "screens" / name, "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        sys.exit(f"{name} is not a PNG")
    w, h = struct.unpack(">II", head[16:24])
    if (w, h) != (1280, 800):
        sys.exit(f"{name} is {w}x{h}, expected 1280x800")
transcript = json.load(open(work / "transcript.json"))
db = sqlite3.connect(work / "data" / "progress.sqlite")
runs = db.execute("SELECT scenario, persona, difficulty, seed, total FROM runs").fetchall()
expected = json.load(open(work / "expected.json"))
total = expected["score"]["total"]
if conduct == "violate" and not expected["violations"]:
    sys.exit("the run was meant to cross a red line but the result lists no violation")
if conduct != "violate" and expected["violations"]:
    sys.exit(f"unexpected violations: {expected['violations']}")
want = (transcript["scenario"], transcript["persona"], transcript["difficulty"], transcript["seed"], total)
if runs != [want]:
    sys.exit(f"progress database holds {runs}, expected [{want}]")
print(f"{len(shots)} screenshots, result identical to parley-cli replay, run recorded (total {total})")
PY
