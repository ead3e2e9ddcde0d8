# bash completion for satstat(1)                              -*- shell-script -*-
#
# Options are read from `satstat COMMAND --help` at completion time, so they
# never fall behind the program; the names an option takes (schemes,
# activations, input and bias models, formats) are listed here, and
# tests/completion.sh checks that satstat accepts every one of them and that
# every option its help shows is offered.

_satstat_commands="run demo deep sweep help"

# Names an option takes.  A trailing ':' means a parameter follows (no space
# is added after it).
_satstat_values() {
    case $1 in
    --scheme)
        echo "standard scaled normal: uniform: xavier-normal xavier-uniform
              he-normal he-uniform lecun-normal lecun-uniform torch-linear
              variance-scaling: trunc-normal orthogonal glorot_normal he_normal
              lecun_normal glorot_uniform he_uniform lecun_uniform
              xavier_normal_ kaiming_normal_ xavier_uniform_ kaiming_uniform_
              trunc_normal_" ;;
    --activation) echo "sigmoid tanh softsign erf relu leaky-relu leaky-relu: gelu selu linear" ;;
    --inputs) echo "half ones file: bernoulli: normal: uniform:" ;;
    --bias) echo "normal: zero const: uniform: torch" ;;
    --saturation) echo "default z: deriv: output: dead" ;;
    --gain) echo "linear sigmoid tanh relu leaky_relu leaky_relu: selu" ;;
    --mode) echo "fan_in fan_out fan_avg" ;;
    --format) echo "text json csv html" ;;
    --render) echo "png svg pdf none" ;;
    --transform) echo "ziggurat-256-f32/1 box-muller-f32-cephes/1" ;;
    --vary) echo "n-in= sigma= p= threshold= gain=" ;;
    --preset) echo "activations" ;;
    # the figures every run of the command writes (fig1-density-SCHEME,
    # deep-density-SCHEME and deep-activations-ACTIVATION are named after
    # the run's schemes and activations)
    --figures)
        echo "fig2-compare fig3-activation fig4-saturated-fraction fig5-standard-normal
              deep-variance deep-saturation deep-gradient deep-phase sweep-variance
              sweep-saturated-fraction sweep-activation-derivative" ;;
    esac
}

# Options of COMMAND, from its --help.
_satstat_options() {
    local cmd=$1 exe=$2
    [ "$cmd" = demo ] && cmd=run
    "$exe" "$cmd" --help 2>/dev/null |
        sed -n 's/^  \(-[a-z], \)\{0,1\}\(--[a-z][a-z0-9-]*\).*/\2/p' | sort -u
}

_satstat() {
    # The words as typed, split at white space only: bash's own COMP_WORDS
    # are also split at ':' and '=' (COMP_WORDBREAKS), which would cut
    # 'normal:0.5' and 'file:PATH' apart.
    local -a words
    local line=${COMP_LINE:0:COMP_POINT}
    read -ra words <<<"$line"
    [[ -z $line || $line == *[[:space:]] ]] && words+=("")
    local ncur=$(( ${#words[@]} - 1 ))
    local cur=${words[ncur]} prev=""
    local exe=${words[0]} cmd="" i w
    [ "$ncur" -gt 0 ] && prev=${words[ncur-1]}
    COMPREPLY=()
    _satstat_complete
    # bash replaces only the part of the word after its last ':' or '=':
    # drop that part's prefix from every candidate.
    if [[ $cur == *[:=]* ]]; then
        local done_part=${cur%"${cur##*[:=]}"}
        COMPREPLY=("${COMPREPLY[@]#"$done_part"}")
    fi
}

_satstat_complete() {

    # The command, if one was typed before the word being completed.
    for ((i = 1; i < ncur; i++)); do
        w=${words[i]}
        case " $_satstat_commands " in *" $w "*) cmd=$w; break ;; esac
        case $w in -*) ;; *) break ;; esac
    done

    # --opt value or --opt=value: complete the value.
    local opt="" val=$cur pre=""
    if [[ $cur == --*=* ]]; then
        opt=${cur%%=*}; val=${cur#*=}; pre=$opt=
    else
        case $prev in --*) opt=$prev ;; esac
    fi

    if [ -n "$opt" ]; then
        case $opt in
        --output) compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- "$val"); return ;;
        --plots) compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -d -- "$val"); return ;;
        --inputs)
            if [[ $val == file:* ]]; then
                compopt -o filenames 2>/dev/null
                local f
                while IFS= read -r f; do COMPREPLY+=("file:$f"); done < <(compgen -f -- "${val#file:}")
                return
            fi ;;
        esac
        local names
        names=$(_satstat_values "$opt")
        if [ -n "$names" ]; then
            # A comma-separated list (--scheme, --figures): complete its last element.
            local head="" last=$val
            if [[ $opt == --scheme || $opt == --figures ]] && [[ $val == *,* ]]; then
                head=${val%,*},; last=${val##*,}
            fi
            head=$pre$head
            local n
            for n in $names; do
                [[ $n == "$last"* ]] && COMPREPLY+=("$head$n")
            done
            # After 'normal:' or 'n-in=' a parameter follows: no space.
            [ ${#COMPREPLY[@]} -eq 1 ] && [[ ${COMPREPLY[0]} == *[:=] ]] && compopt -o nospace 2>/dev/null
            return
        fi
        # An option that takes a number: nothing to offer.
        case $opt in
        --n-in|--n-out|--active|--threshold|--samples|--seed|--threads|--alpha|\
        --expect-variance|--plot-size|--dpi|--font-size|--layers|--width|--networks|\
        --max-memory|--pair-correlation)
            return ;;
        esac
    fi

    case $cur in
    -*)
        COMPREPLY=($(compgen -W "$(_satstat_options "${cmd:-run}" "$exe")" -- "$cur")) ;;
    *)
        if [ -z "$cmd" ]; then
            COMPREPLY=($(compgen -W "$_satstat_commands" -- "$cur"))
        elif [ "$cmd" = help ] && [ "$i" -eq $(( ncur - 1 )) ]; then
            COMPREPLY=($(compgen -W "$_satstat_commands" -- "$cur"))
        elif [ "$cmd" = demo ]; then
            compopt -o filenames 2>/dev/null
            mapfile -t COMPREPLY < <(compgen -d -- "$cur")
        fi ;;
    esac
}
complete -F _satstat satstat
