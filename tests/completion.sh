#!/bin/bash
# completion.sh — the bash and zsh completions (completions/) against the
# program: every option each command's --help shows is offered, every name
# offered is one satstat accepts, both shells offer the same names, and the
# usual cases (a command, an option, a value, --opt=value, a list element,
# a file after file:) complete as a user expects.
#   completion.sh SATSTAT SOURCE_ROOT
set -u
exe=$1 root=$2
bash_script=$root/completions/satstat.bash
zsh_script=$root/completions/_satstat
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
PATH=$(dirname "$exe"):$PATH
export PATH

bad() { echo "FAIL: $*"; fail=1; }

# --- bash --------------------------------------------------------------------
# complete LINE: the candidates bash would show for the line typed so far
# (COMP_LINE and COMP_POINT, as bash sets them), one per line.
complete_bash() {
    bash --norc --noprofile -c '
        source "$1"
        COMP_LINE=$2; COMP_POINT=${#2}; COMPREPLY=()
        _satstat
        printf "%s\n" "${COMPREPLY[@]}"' complete "$bash_script" "$1" 2>&1
}
expect() { # expect "WORDS" CANDIDATE...: each candidate is offered
    local words=$1; shift
    local got; got=$(complete_bash "$words")
    local c
    for c in "$@"; do
        grep -qxF -- "$c" <<<"$got" || bad "bash: '$words' does not offer '$c' (offers: $(echo $got))"
    done
}
expect_only() { # expect_only "WORDS" CANDIDATE...: exactly these
    local words=$1; shift
    local got want; got=$(complete_bash "$words" | sort); want=$(printf '%s\n' "$@" | sort)
    [ "$got" = "$want" ] || bad "bash: '$words' offers '$(echo $got)', expected '$(echo $want)'"
}

expect_only "satstat " run demo deep sweep help
expect_only "satstat help " run demo deep sweep help
expect_only "satstat help deep " 
expect_only "satstat de" demo deep
expect_only "satstat --sch" --scheme
expect_only "satstat deep --lay" --layers
expect_only "satstat --scheme standard,he-n" standard,he-normal
expect_only "satstat --activation ta" tanh
expect_only "satstat --format=js" json
expect_only "satstat --render sv" svg
expect_only "satstat --figures fig2-compare,fig4" fig2-compare,fig4-saturated-fraction
expect_only "satstat deep --dpi " 
expect "satstat sweep --vary " n-in= sigma= p= threshold= gain=

# every option of every command's --help is offered after '-'
for cmd in run deep sweep; do
    want=$("$exe" "$cmd" --help | sed -n 's/^  \(-[a-z], \)\{0,1\}\(--[a-z][a-z0-9-]*\).*/\2/p' | sort -u)
    [ -n "$want" ] || bad "$cmd --help lists no options"
    got=$(complete_bash "satstat $cmd -" | sort -u)
    [ "$got" = "$want" ] || bad "bash: options of $cmd differ from its --help: $(diff <(echo "$want") <(echo "$got") | tr '\n' ' ')"
done

# a file after file:, a folder after --plots (names with a space survive)
mkdir -p "$tmp/two words" "$tmp/plots dir"
: >"$tmp/two words/x.txt"
expect "satstat --inputs file:$tmp/two" "$tmp/two words"
# bash replaces what follows the last colon of the word
expect_only "satstat --scheme normal:0.5,x" 0.5,xavier-normal 0.5,xavier-uniform 0.5,xavier_normal_ 0.5,xavier_uniform_
expect "satstat --output $tmp/two" "$tmp/two words"
expect_only "satstat --plots $tmp/plots" "$tmp/plots dir"

# --- every name offered is one satstat accepts --------------------------------
# The value lists of one shell, as "OPTION NAME" lines.
names_bash() {
    local opt
    for opt in --scheme --activation --inputs --bias --saturation --gain --mode \
               --format --render --vary --preset --figures; do
        bash --norc --noprofile -c 'source "$1"; _satstat_values "$2"' n "$bash_script" "$opt" |
            tr -s ' \n' '\n\n' | sed "/^$/d; s/^/$opt /"
    done
}
names_zsh() {
    local opt
    for opt in --scheme --activation --inputs --bias --saturation --gain --mode \
               --format --render --vary --preset --figures; do
        zsh -f -c 'source "$1" 2>/dev/null; _satstat_values "$2"; print -l $reply' \
            n "$zsh_script" "$opt" | sed "/^$/d; s/^/$opt /"
    done
}
names_bash >"$tmp/bash-names"
[ -s "$tmp/bash-names" ] || bad "the bash value lists are empty"

# A name with a trailing ':' or '=' takes a parameter: try it with an example.
example() {
    case "$1 $2" in
    "--scheme normal:"|"--scheme uniform:") echo 0.5 ;;
    "--scheme variance-scaling:") echo 1,fan_in,normal ;;
    "--activation leaky-relu:"|"--gain leaky_relu:") echo 0.2 ;;
    "--inputs file:") echo "$tmp/two words/x.txt" ;;
    "--inputs bernoulli:") echo 0.3 ;;
    "--inputs normal:") echo 1 ;;
    "--inputs uniform:") echo 0,1 ;;
    "--bias normal:"|"--bias uniform:"|"--bias const:") echo 0.5 ;;
    "--saturation z:") echo 3 ;;
    "--saturation deriv:") echo 0.1 ;;
    "--saturation output:") echo 0.01 ;;
    "--vary p=") echo 0.1:0.9:3 ;;
    "--vary "*) echo 1:2:3 ;;
    esac
}
# The context a name needs to be meaningful (a he-* scheme for --mode, ...).
context() {
    case "$1 $2" in
    "--mode "*) echo "--scheme he-normal" ;;
    "--gain "*) echo "--scheme xavier-normal" ;;
    "--saturation dead") echo "--activation relu" ;;
    "--vary sigma=") echo "--scheme normal:1" ;;
    "--vary gain=") echo "--scheme xavier-normal" ;;
    esac
}
printf '%s\n' "1 0 0.5" >"$tmp/two words/x.txt"
while read -r opt name; do
    value=$name
    case $name in *: | *=) value=$name$(example "$opt" "$name") ;; esac
    # shellcheck disable=SC2046
    case $opt in
    --vary) set -- "$exe" sweep --analytic-only --samples 10 --vary "$value" $(context "$opt" "$name") ;;
    --preset) set -- "$exe" deep --preset "$value" --networks 2 --quiet ;;
    --render) set -- "$exe" --analytic-only --plots "$tmp/plots" --render "$value" ;;
    --figures)
        case $name in
        fig*) set -- "$exe" --analytic-only --plots "$tmp/plots" --render none --figures "$value" ;;
        deep-*) set -- "$exe" deep --layers 2 --width 10 --networks 2 --phase --quiet \
                    --plots "$tmp/plots" --render none --figures "$value" ;;
        *) set -- "$exe" sweep --analytic-only --vary n-in=10:20:2 --quiet \
               --plots "$tmp/plots" --render none --figures "$value" ;;
        esac ;;
    --inputs) set -- "$exe" --analytic-only --n-in 3 "$opt" "$value" ;;
    *) set -- "$exe" --analytic-only "$opt" "$value" $(context "$opt" "$name") ;;
    esac
    [ "$opt" = --render ] && ! command -v gnuplot >/dev/null && [ "$value" != none ] && continue
    "$@" >/dev/null 2>"$tmp/err"
    rc=$?
    [ $rc -eq 0 ] || [ $rc -eq 1 ] || bad "satstat refuses the offered '$opt $value' (exit $rc: $(head -c 200 "$tmp/err"))"
done <"$tmp/bash-names"

# --- zsh ---------------------------------------------------------------------
if command -v zsh >/dev/null; then
    zsh -n "$zsh_script" || bad "zsh: $zsh_script does not parse"
    names_zsh >"$tmp/zsh-names"
    diff -u "$tmp/bash-names" "$tmp/zsh-names" >"$tmp/names.diff" ||
        bad "the zsh and bash value lists differ: $(cat "$tmp/names.diff")"
    # The completion function itself, with the completion builtins replaced by
    # stubs that print what they are given (compadd -a NAME: NAME's elements).
    complete_zsh() {
        zsh -f -c '
            script=$1; shift
            compadd() { local -a o; while (( $# )); do case $1 in -a) shift; o+=(${(P)1});; -S) shift;; -*) ;; *) o+=($1);; esac; shift; done; print -rl -- $o; }
            compset() { [[ $1 == -P ]] && { local p=${(M)PREFIX##$~2}; [[ -n $p ]] && PREFIX=${PREFIX#$p}; }; }
            _describe() { print -rl -- ${(P)4%%:*}; }
            _files() { print -rl -- "<files $*>"; }
            words=("$@"); CURRENT=$#; PREFIX=${words[CURRENT]}
            source "$script"' z "$zsh_script" "$@" 2>&1 | sort
    }
    got=$(complete_zsh satstat "" | tr '\n' ' ')
    [ "$got" = "deep demo help run sweep " ] || bad "zsh: commands: '$got'"
    got=$(complete_zsh satstat help "" | tr '\n' ' ')
    [ "$got" = "deep demo help run sweep " ] || bad "zsh: help COMMAND: '$got'"
    got=$(complete_zsh satstat deep --width --activation "" | grep -cx 'tanh')
    [ "$got" = 1 ] || bad "zsh: --activation does not offer tanh"
    for cmd in run deep sweep; do
        want=$("$exe" "$cmd" --help | sed -n 's/^  \(-[a-z], \)\{0,1\}\(--[a-z][a-z0-9-]*\).*/\2/p' | sort -u)
        got=$(complete_zsh satstat "$cmd" -)
        [ "$got" = "$want" ] || bad "zsh: options of $cmd differ from its --help"
    done
    got=$(complete_zsh satstat --plots "")
    [ "$got" = "<files -/>" ] || bad "zsh: --plots offers '$got', not folders"
else
    echo "zsh not installed: the zsh completion was not tested" >&2
    [ -n "${CI:-}" ] && bad "zsh is missing on CI (tools/setup installs it)"
fi

[ $fail -eq 0 ] && echo "completion: all checks passed"
exit $fail
