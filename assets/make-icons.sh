#!/usr/bin/env bash
# Renders the hand-written SVG icons (assets/icons/*.svg) to the PNG sizes desktops use, in the
# freedesktop hicolor layout: assets/icons/hicolor/<N>x<N>/apps/<program>.png. Run by hand after
# editing an SVG and commit the PNGs; the build never runs it.
# Needs rsvg-convert (Debian: apt-get install librsvg2-bin).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
command -v rsvg-convert >/dev/null || { echo "make-icons: install librsvg2-bin (rsvg-convert)" >&2; exit 1; }
for svg in "$here"/icons/*.svg; do
  name="$(basename "$svg" .svg)"
  for size in 16 32 48 64 128 256; do
    out="$here/icons/hicolor/${size}x${size}/apps/$name.png"
    mkdir -p "$(dirname "$out")"
    rsvg-convert --width "$size" --height "$size" --format png --output "$out" "$svg"
  done
done
echo "make-icons: rendered $(ls "$here"/icons/*.svg | wc -l) icons"
