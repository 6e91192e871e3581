#!/usr/bin/env bash
# Checks that every tracked C++ file is formatted by clang-format with the repository's
# .clang-format; lists the files that are not and exits 1. With --fix, formats them in place.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

fix=false
case "${1:-}" in
    --fix) fix=true ;;
    "") ;;
    *)
        echo "usage: $0 [--fix]" >&2
        exit 2
        ;;
esac

if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    mapfile -t files < <(git ls-files -- '*.cpp' '*.h' '*.hpp' '*.cc')
else
    # An unpacked source archive has no git: check the sources it carries.
    mapfile -t files < <(find . -path './build*' -prune -o \
        \( -name '*.cpp' -o -name '*.h' -o -name '*.hpp' -o -name '*.cc' \) -type f -print | sort)
fi

unformatted=()
for file in "${files[@]}"; do
    [[ -f "$file" ]] || continue # deleted in the work tree but still tracked
    if ! clang-format --style=file "$file" | cmp -s - "$file"; then
        unformatted+=("$file")
    fi
done

if [[ ${#unformatted[@]} -eq 0 ]]; then
    echo "clang-format: ${#files[@]} files checked, all formatted"
    exit 0
fi
if $fix; then
    clang-format --style=file -i "${unformatted[@]}"
    printf 'clang-format: formatted %s\n' "${unformatted[@]}"
    exit 0
fi
echo "clang-format: ${#unformatted[@]} of ${#files[@]} files are not formatted:" >&2
printf '  %s\n' "${unformatted[@]}" >&2
echo "Fix them with: bash scripts/check-format.sh --fix" >&2
exit 1
