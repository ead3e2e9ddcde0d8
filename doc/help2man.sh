#!/bin/sh
# help2man.sh — one man page from a command's --help, with help2man:
#   help2man.sh HELP2MAN SATSTAT INCLUDE NAME TITLE COMMAND VERSION OUTPUT
# COMMAND is the subcommand ('' for satstat itself); TITLE the page's title
# (satstat-deep).  help2man names a page after the executable, so the title
# is set afterwards, and the date is written as ISO 8601, which every man
# formatter parses (help2man's "December 2026" is not portable).
set -eu
help2man=$1 exe=$2 include=$3 name=$4 title=$5 command=$6 version=$7 output=$8
help_option=--help
[ -n "$command" ] && help_option="$command --help"
"$help2man" --no-info --section=1 --source="satstat $version" --manual="User Commands" \
    --name="$name" --include="$include" --version-string="$version" \
    --help-option="$help_option" --output="$output.tmp" "$exe"
date=$(date -u ${SOURCE_DATE_EPOCH:+-d "@$SOURCE_DATE_EPOCH"} +%Y-%m-%d)
upper=$(printf '%s' "$title" | tr '[:lower:]' '[:upper:]')
sed -e "s/^\.TH [^ ]* \"1\" \"[^\"]*\"/.TH $upper \"1\" \"$date\"/" \
    -e "s/^$(basename "$exe") \\\\- /$title \\\\- /" "$output.tmp" >"$output"
rm -f "$output.tmp"
