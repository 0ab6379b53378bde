#!/usr/bin/env bash
# Package the built program (dist/clinic-app, from build_linux.sh) as a Debian package:
# dist/clinic-app_<version>_<arch>.deb
#
#   bash packaging/build_deb.sh
#
# Installs to /opt/clinic-app, with /usr/bin/clinic-app (a symbolic link), a desktop entry and
# icons (hicolor). Depends: the system libraries the bundle links to but does not carry (found
# with objdump + dpkg -S on the build machine, so build on the distribution you package for),
# and libc6 >= the build machine's glibc. Recommends poppler-utils (report preview).
# Needs dpkg-deb and objdump (binutils); Python with numpy + OpenCV for the icons (the build venv).
# Check the result without installing it: dpkg-deb -x dist/clinic-app_*.deb /tmp/root &&
# /tmp/root/opt/clinic-app/clinic-app --version
set -euo pipefail
cd "$(dirname "$0")/.."

BUNDLE=dist/clinic-app
[ -x "$BUNDLE/clinic-app" ] || { echo "error: $BUNDLE/clinic-app missing: run packaging/build_linux.sh first" >&2; exit 1; }
PY=${PYTHON:-build/venv/bin/python}
[ -x "$PY" ] || PY=python3
VERSION=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' clinic_app/__init__.py)
ARCH=$(dpkg --print-architecture)
PKG=clinic-app_${VERSION}_${ARCH}
STAGE=build/deb/$PKG

rm -rf "$STAGE"
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
  "$STAGE/usr/share/doc/clinic-app"
cp -a "$BUNDLE" "$STAGE/opt/clinic-app"
ln -s /opt/clinic-app/clinic-app "$STAGE/usr/bin/clinic-app"
install -m 644 packaging/linux/clinic-app.desktop "$STAGE/usr/share/applications/"
"$PY" packaging/make_icon.py build/icons >/dev/null
for size in 16 24 32 48 64 128 256; do
  install -D -m 644 "build/icons/clinic-app-$size.png" \
    "$STAGE/usr/share/icons/hicolor/${size}x${size}/apps/clinic-app.png"
done
{
  cat packaging/NOTICE.txt
  echo
  cat clinic_app/fonts/README.txt
  echo
  cat examples/ATTRIBUTION.md
} > "$STAGE/usr/share/doc/clinic-app/copyright"
chmod -R u+rwX,go+rX,go-w "$STAGE"

# Depends: shared libraries needed by the bundle's ELF files and not inside the bundle.
declare -A inside=()
while IFS= read -r f; do inside[$(basename "$f")]=1; done < <(find "$BUNDLE" \( -type f -o -type l \) -name '*.so*')
declare -A pkgs=()
# Libraries Qt's Wayland/xcb plugins link to that a build machine without a desktop may lack.
declare -A known=([libwayland-cursor.so.0]=libwayland-cursor0 [libwayland-egl.so.1]=libwayland-egl1
  [libwayland-client.so.0]=libwayland-client0 [libxcb-cursor.so.0]=libxcb-cursor0
  [libxkbcommon-x11.so.0]=libxkbcommon-x11-0 [libxcb-icccm.so.4]=libxcb-icccm4
  [libxcb-keysyms.so.1]=libxcb-keysyms1 [libEGL.so.1]=libegl1 [libGL.so.1]=libgl1)
missing=()
while IFS= read -r soname; do
  [ -n "${inside[$soname]:-}" ] && continue
  owner=$(dpkg -S "*/$soname" 2>/dev/null | head -1 | cut -d: -f1 || true)
  [ -z "$owner" ] && owner=${known[$soname]:-}
  if [ -n "$owner" ]; then pkgs[$owner]=1; else missing+=("$soname"); fi
done < <(find "$BUNDLE" -type f \( -name '*.so*' -o -name clinic-app \) -exec objdump -p {} \; 2>/dev/null \
         | awk '/^ *NEEDED/ {print $2}' | sort -u)
glibc=$(ldd --version | head -1 | grep -oE '[0-9]+\.[0-9]+$')
unset 'pkgs[libc6]'
depends="libc6 (>= $glibc)"
for p in $(printf '%s\n' "${!pkgs[@]}" | sort); do depends="$depends, $p"; done
if [ ${#missing[@]} -gt 0 ]; then
  echo "warning: not on this machine, so not in Depends (the plugins needing them fail to load" \
       "where they are absent): ${missing[*]}" >&2
fi

cat > "$STAGE/DEBIAN/control" <<CONTROL
Package: clinic-app
Version: $VERSION
Architecture: $ARCH
Maintainer: clinic-app maintainers <maintainers@clinic-app.invalid>
Installed-Size: $(du -sk "$STAGE" | cut -f1)
Depends: $depends
Recommends: poppler-utils
Section: science
Priority: optional
Description: offline white-cell differential and leukaemia screening aid
 Blood smear fields from a microscope camera or a folder: white cells found,
 classified and counted, acute lymphoblastic leukaemia flagged with its subtype,
 review by the technologist, a local case database and a PDF report. INT8 models
 run on the CPU or a Coral Edge TPU; nothing goes on the network.
 .
 A screening aid for trained laboratory staff, not a diagnosis.
CONTROL

mkdir -p dist
# gzip: readable by every dpkg and quick to make; DEB_COMPRESS=xz gives a ~15% smaller file in
# several minutes more.
dpkg-deb -Z"${DEB_COMPRESS:-gzip}" --build --root-owner-group "$STAGE" "dist/$PKG.deb" >/dev/null
echo "deb: dist/$PKG.deb ($(du -m "dist/$PKG.deb" | cut -f1) MB; installed $(du -sm "$STAGE" | cut -f1) MB)"
echo "deb: Depends: $depends"
