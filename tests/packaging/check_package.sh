#!/usr/bin/env bash
# The Debian package made from a build tree: cpack builds it, lintian finds no
# errors, it holds what a desktop needs (program, menu entry, AppStream
# metainfo, icons, man page, copyright, changelog, coast data) with valid
# desktop and AppStream files, its control fields name its libraries and
# recommend ffmpeg, and the packaged program runs from the unpacked tree and
# finds its coast data beside it (../share/wake).
#
# usage: tests/packaging/check_package.sh BUILD_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "check_package: $*" >&2; exit 1; }

for tool in cpack lintian dpkg-deb desktop-file-validate appstreamcli; do
    command -v "$tool" >/dev/null || fail "$tool is missing (scripts/ensure_deps.sh installs it)"
done

(cd "$build" && cpack -G DEB -B "$work/out" >/dev/null) || fail "cpack failed"
deb=$(ls "$work"/out/wake_*.deb)
echo "built $(basename "$deb") ($(du -h "$deb" | cut -f1))"

if ! report=$(lintian --fail-on error --tag-display-limit 0 "$deb" 2>&1); then
    echo "$report" >&2
    fail "lintian reports errors"
fi
echo "$report" | grep -v "root privileges" || true # warnings, for a person to read

dpkg-deb -x "$deb" "$work/root"
id=io.github.wakemaritime.Wake
for f in usr/bin/wake \
    usr/share/applications/$id.desktop \
    usr/share/metainfo/$id.metainfo.xml \
    usr/share/icons/hicolor/scalable/apps/$id.svg \
    usr/share/icons/hicolor/48x48/apps/$id.png \
    usr/share/icons/hicolor/128x128/apps/$id.png \
    usr/share/icons/hicolor/256x256/apps/$id.png \
    usr/share/man/man1/wake.1.gz \
    usr/share/doc/wake/copyright \
    usr/share/doc/wake/changelog.gz \
    usr/share/wake/gshhg-2.3.7-full.wkcoast \
    usr/share/wake/osm-harbour-patches.json \
    usr/share/wake/LICENSE-GSHHG-LGPL-3.0.txt; do
    [ -s "$work/root/$f" ] || fail "the package lacks $f"
done
desktop-file-validate "$work/root/usr/share/applications/$id.desktop" || fail "bad .desktop file"
grep -q '^Exec=wake' "$work/root/usr/share/applications/$id.desktop" || fail "the menu entry does not run wake"
appstreamcli validate --no-net --pedantic "$work/root/usr/share/metainfo/$id.metainfo.xml" >/dev/null ||
    fail "bad AppStream metainfo"
zcat "$work/root/usr/share/man/man1/wake.1.gz" | grep -q '^\.TH WAKE 1' || fail "bad man page"
dpkg-deb -f "$deb" Depends | grep -q 'libqt6core6' || fail "Depends lacks Qt (dpkg-shlibdeps)"
dpkg-deb -f "$deb" Depends | grep -q 'qt6-qpa-plugins' || fail "Depends lacks the Qt platform plugins"
[ "$(dpkg-deb -f "$deb" Recommends)" = "ffmpeg" ] || fail "it should recommend ffmpeg"

export HOME=$work/home QT_QPA_PLATFORM=offscreen
version=$("$work/root/usr/bin/wake" --version) || fail "the packaged wake does not run"
echo "$version"
echo "$version" | grep -q "coast data: $work/root/usr/share/wake/gshhg-2.3.7-full.wkcoast" ||
    fail "the packaged wake does not find its coast data in ../share/wake"
"$work/root/usr/bin/wake" render --db "$work/ccg.sqlite" --fit 9.30,-79.95,9.42,-79.80 \
    --size 640x400 --out "$work/colon.png" >/dev/null || fail "the packaged wake cannot render"
echo "ok: the package passes lintian without errors and runs"
