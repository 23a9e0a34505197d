#!/usr/bin/env bash
# Renders the icon's PNGs, and the .ico (Windows) and .icns (macOS) that jpackage asks for on
# those platforms, from assets/icon/threadstage.svg. The results are committed: the build never
# runs this. Needs rsvg-convert (Debian: apt-get install -y librsvg2-bin) and python3.
set -euo pipefail
cd "$(dirname "$0")/../../assets/icon"
for size in 16 32 48 64 128 256 512 1024; do
    rsvg-convert -w "$size" -h "$size" threadstage.svg -o "threadstage-$size.png"
done
python3 - <<'PY'
import struct

def png(size):
    with open(f"threadstage-{size}.png", "rb") as f:
        return f.read()

# ICO: a header, one directory entry per size, then the PNGs themselves (PNG entries are
# valid in .ico since Windows Vista; 256 is written as 0 in the one-byte width and height).
sizes = [16, 32, 48, 64, 128, 256]
images = [png(s) for s in sizes]
offset = 6 + 16 * len(sizes)
with open("threadstage.ico", "wb") as f:
    f.write(struct.pack("<HHH", 0, 1, len(sizes)))
    for size, data in zip(sizes, images):
        f.write(struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(data), offset))
        offset += len(data)
    for data in images:
        f.write(data)

# ICNS: big-endian chunks of type and length; ic07..ic10 hold PNGs of 128, 256, 512, 1024.
chunks = b"".join(t + struct.pack(">I", 8 + len(d)) + d
                  for t, d in [(b"ic07", png(128)), (b"ic08", png(256)), (b"ic09", png(512)), (b"ic10", png(1024))])
with open("threadstage.icns", "wb") as f:
    f.write(b"icns" + struct.pack(">I", 8 + len(chunks)) + chunks)
PY
rm -f threadstage-1024.png
