#!/usr/bin/env bash
# Fails when a target's sources import a module its row below does not allow, so the rule of
# which target may import which (README, "Layout") is checked, not only written down.
# A folder's row applies to every .swift file under it that no longer row claims.
set -euo pipefail
cd "$(dirname "$0")/.."

system="Foundation Glibc Dispatch Synchronization"
# folder                     | modules it may import
rules=$(cat <<RULES
Sources/CanonicalJSON        |
EventLog/CSHA256             |
EventLog                     | CSHA256 CanonicalJSON $system
Sources/TransitionDomain     | CanonicalJSON
Sources/TransitionApp        | TransitionDomain EventLog Projections CanonicalJSON $system
Projections                  | TransitionDomain EventLog CanonicalJSON $system
Tools/TransitionCLI          | TransitionApp Projections TransitionDomain EventLog CanonicalJSON $system
Tools/TransitionBench        | TransitionApp Projections TransitionDomain EventLog CanonicalJSON CSHA256 $system
Tools/TransitionGenerate     | TransitionApp TransitionDomain $system
Tools/TransitionTorture      | EventLog $system
Tools/TransitionFuzz         | EventLog CanonicalJSON Projections TransitionApp TransitionDomain $system
RULES
)

folders=$(printf '%s\n' "$rules" | cut -d'|' -f1 | tr -d ' ')
status=0
while IFS='|' read -r folder allowed; do
  folder=$(echo "$folder" | tr -d ' ')
  [ -d "$folder" ] || { echo "check-imports: no folder $folder (update Tools/check-imports.sh)" >&2; status=1; continue; }
  # Longer rows (sub-folders) claim their files; skip them here.
  prune=()
  for other in $folders; do
    if [ "$other" != "$folder" ] && [[ "$other" == "$folder"/* ]]; then prune+=(-path "$other" -prune -o); fi
  done
  while IFS= read -r file; do
    while IFS= read -r module; do
      case " $allowed " in
        *" $module "*) ;;
        *) echo "check-imports: $file imports $module, which $folder/ may not import" >&2; status=1 ;;
      esac
    done < <(grep -E '^\s*(@testable\s+)?import\s+[A-Za-z_][A-Za-z0-9_]*\s*$' "$file" | awk '{print $NF}' | sort -u)
  done < <(find "$folder" "${prune[@]}" -name '*.swift' -print)
done <<< "$rules"
[ "$status" -eq 0 ] && echo "check-imports: every target imports only what it may"
exit "$status"
