#!/usr/bin/env bash
# Builds the Debian package from the build tree (CPack, into a temporary folder), lists it, and
# unpacks it into a throwaway root (dpkg -x): the layout is Debian's, the .desktop files are
# valid (desktop-file-validate, when installed), the dependencies are declared, and the CLI runs
# from that root on the packaged scenarios, found beside itself.
#   deb_test.sh CPACK BUILD_DIR
set -euo pipefail
cpack="$1" build="$2"
fail() { echo "deb test: $*" >&2; exit 1; }

work="$(mktemp -d "${TMPDIR:-/tmp}/parley-deb-test.XXXXXX")"
trap 'rm -rf "$work"' EXIT
"$cpack" -G DEB --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" \
  || { cat "$work/cpack.log"; fail "cpack failed"; }
deb="$(ls "$work"/out/parley_*.deb)"
echo "deb test: built $(basename "$deb")"
dpkg-deb -c "$deb" >"$work/listing"
awk '{print $6}' "$work/listing" >"$work/contents"
# The listing, in the test's log (ctest -V or --output-on-failure shows it).
sed 's/^/deb test: | /' "$work/listing"
grep -c . "$work/contents" | sed 's/^/deb test: entries: /'

depends="$(dpkg-deb -f "$deb" Depends)"
echo "deb test: Depends: $depends"
case "$depends" in *fonts-noto-cjk*) ;; *) fail "fonts-noto-cjk is not a dependency" ;; esac
case "$depends" in *libc6*) ;; *) fail "the linked libraries are not declared (dpkg-shlibdeps)" ;; esac

for path in ./usr/bin/parley-cli ./usr/share/parley/scenarios/competencies.json ./usr/share/parley/assets/icons/parley.svg; do
  grep -qx "$path" "$work/contents" || fail "$path is not in the package"
done
if grep -q '^./usr/local/\|^./home/\|^./root/' "$work/contents"; then fail "the package installs outside /usr"; fi

root="$work/root"
dpkg -x "$deb" "$root"
for desktop in "$root"/usr/share/applications/*.desktop; do
  [ -e "$desktop" ] || continue
  program="$(basename "$desktop" .desktop)"
  [ -x "$root/usr/bin/$program" ] || fail "$program.desktop names a program the package lacks"
  if command -v desktop-file-validate >/dev/null; then desktop-file-validate "$desktop"; fi
  [ -f "$root/usr/share/icons/hicolor/48x48/apps/$program.png" ] || fail "$program: no icon"
  echo "deb test: $program.desktop ok"
done

mkdir -p "$work/home" "$work/elsewhere"
cd "$work/elsewhere"
export HOME="$work/home"
unset XDG_DATA_HOME PARLEY_CONTENT PARLEY_ASSETS
# The package holds exactly the shipped content (whose soundness the content gate proves once),
# and its parley-cli finds that content beside itself and validates a packaged meeting.
source_dir="$(sed -n 's/^parley_SOURCE_DIR:STATIC=//p' "$build/CMakeCache.txt")"
diff -r "$source_dir/scenarios" "$root/usr/share/parley/scenarios" >"$work/content.diff" \
  || { cat "$work/content.diff"; fail "the packaged scenarios are not the shipped ones"; }
"$root/usr/bin/parley-cli" validate "$root/usr/share/parley/scenarios/library/new-company-accounts.json"
"$root/usr/bin/parley-cli" coverage >/dev/null || fail "the unpacked parley-cli does not find the packaged content"
echo "deb test: the package holds the shipped scenarios; the unpacked parley-cli finds them and validates one"
