#!/bin/sh
# Install (or remove) the Release Review menu entry, icons and metainfo for the current user.
#   install-desktop.sh [--exec /path/to/release-review] [--uninstall]
# Works from a source checkout (packaging/linux/) and from an unpacked bundle (its top folder).
set -eu

APP_ID=org.releasereview.ReleaseReview
here=$(cd "$(dirname "$0")" && pwd)
exec_path=""
uninstall=0
while [ $# -gt 0 ]; do
    case "$1" in
        --exec) exec_path=${2:?--exec needs a path}; shift 2 ;;
        --uninstall) uninstall=1; shift ;;
        -h|--help) sed -n '2,4p' "$0"; exit 0 ;;
        *) echo "install-desktop: unknown option $1" >&2; exit 2 ;;
    esac
done

data_home=${XDG_DATA_HOME:-$HOME/.local/share}
apps_dir=$data_home/applications
icons_dir=$data_home/icons/hicolor
meta_dir=$data_home/metainfo

refresh() {
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$apps_dir" || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then
        gtk-update-icon-cache -q -f -t "$icons_dir" >/dev/null 2>&1 || true
    fi
}

if [ "$uninstall" -eq 1 ]; then
    rm -f "$apps_dir/$APP_ID.desktop" "$meta_dir/$APP_ID.metainfo.xml"
    for icon in "$icons_dir"/*/apps/"$APP_ID".png "$icons_dir"/scalable/apps/"$APP_ID".svg; do
        [ -e "$icon" ] && rm -f "$icon"
    done
    refresh
    echo "Removed the Release Review menu entry."
    exit 0
fi

# Source files: next to this script in a bundle, or in the checkout.
if [ -d "$here/_internal/resources/icons/hicolor" ]; then
    icon_src=$here/_internal/resources/icons/hicolor
    meta_src=$here/_internal/packaging/linux
else
    icon_src=$here/../../resources/icons/hicolor
    meta_src=$here
fi
[ -f "$here/$APP_ID.desktop" ] && desktop_src=$here/$APP_ID.desktop || desktop_src=$meta_src/$APP_ID.desktop
for f in "$desktop_src" "$meta_src/$APP_ID.metainfo.xml" "$icon_src/scalable/apps/$APP_ID.svg"; do
    [ -f "$f" ] || { echo "install-desktop: missing $f" >&2; exit 1; }
done

if [ -z "$exec_path" ]; then
    if [ -x "$here/release-review" ]; then
        exec_path=$here/release-review
    elif command -v release-review >/dev/null 2>&1; then
        exec_path=$(command -v release-review)
    else
        echo "install-desktop: cannot find the release-review program; pass --exec PATH" >&2
        exit 1
    fi
fi
case "$exec_path" in
    /*) ;;
    *) exec_path=$(cd "$(dirname "$exec_path")" && pwd)/$(basename "$exec_path") ;;
esac
[ -x "$exec_path" ] || { echo "install-desktop: $exec_path is not executable" >&2; exit 1; }
case "$exec_path" in
    *'"'*|*'`'*|*'$'*|*'\'*) echo "install-desktop: unsupported characters in $exec_path" >&2; exit 1 ;;
esac

mkdir -p "$apps_dir" "$meta_dir"
# Quoted so that a path with spaces stays one argument; %f passes the opened database file.
sed -e "s|^Exec=.*|Exec=\"$exec_path\" %f|" -e "s|^TryExec=.*|TryExec=$exec_path|" \
    "$desktop_src" > "$apps_dir/$APP_ID.desktop.tmp"
mv "$apps_dir/$APP_ID.desktop.tmp" "$apps_dir/$APP_ID.desktop"
cp "$meta_src/$APP_ID.metainfo.xml" "$meta_dir/"
for size_dir in "$icon_src"/*; do
    size=$(basename "$size_dir")
    mkdir -p "$icons_dir/$size/apps"
    cp "$size_dir"/apps/"$APP_ID".* "$icons_dir/$size/apps/"
done
refresh
echo "Installed the Release Review menu entry ($apps_dir/$APP_ID.desktop) -> $exec_path"
