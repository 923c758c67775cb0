import ArgumentParser
import Foundation

/// `pumptui --generate-completion-script SHELL`: ArgumentParser's script, with what it cannot
/// express added. It completes a subcommand's arguments only after the subcommand's name, but
/// pumptui's main form is the default subcommand's, `pumptui [ACCOUNT] [options]`; its `help`
/// completes nothing; and in bash, `@` and `:` in COMP_WORDBREAKS cut ACCOUNT into pieces (so
/// `alice@1<TAB>` found nothing) and `-o filenames` escaped them in what was inserted.
///
/// Each fix names a line of the generated script; a fix whose line is gone (a newer
/// ArgumentParser) leaves that part unpatched rather than breaking the script, and
/// CompletionScriptsTests fails so it is noticed.
enum CompletionScripts {
    /// The script for `arguments` when they ask for one (else nil: ArgumentParser's own handling,
    /// which also prints its error for an unknown shell).
    static func requested(_ arguments: [String]) -> String? {
        let shellName: String?
        switch arguments.count {
        case 1 where arguments[0].hasPrefix("--generate-completion-script="):
            shellName = String(arguments[0].dropFirst("--generate-completion-script=".count))
        case 2 where arguments[0] == "--generate-completion-script": shellName = arguments[1]
        default: shellName = nil
        }
        return shellName.flatMap(CompletionShell.init(rawValue:)).map { script(for: $0).text }
    }

    struct Patched {
        var text: String
        /// The fixes whose anchor line was not found.
        var missing: [String] = []

        mutating func replace(_ anchor: String, with replacement: String, fix: String) {
            guard let range = text.range(of: anchor) else { return missing.append(fix) }
            text.replaceSubrange(range, with: replacement)
        }

        mutating func replaceAll(_ anchor: String, with replacement: String, fix: String) {
            guard text.contains(anchor) else { return missing.append(fix) }
            text = text.replacingOccurrences(of: anchor, with: replacement)
        }
    }

    static func script(for shell: CompletionShell) -> Patched {
        let generated = RootCommand.completionScript(for: shell)
        switch shell {
        case .bash: return bash(generated)
        case .zsh: return zsh(generated)
        case .fish: return fish(generated)
        default: return Patched(text: generated)
        }
    }

    static var subcommands: [(name: String, abstract: String)] { UserCommands.all }

    static var names: String { UserCommands.names.joined(separator: " ") }

    static func bash(_ generated: String) -> Patched {
        var s = Patched(text: generated)
        // The generated function runs on words joined back at @ and : (below).
        s.replace("\n_pumptui() {\n", with: "\n__pumptui_generated() {\n", fix: "bash: wrap the generated function")
        s.replace("""
                local -a non_repeating_options=()
                __pumptui_offer_flags_options 0

            """, with: """
                local -a non_repeating_options=()
                # The main form, pumptui [ACCOUNT] [options], is tui's: a subcommand is only ever the
                # first word. While that word is typed, the subcommand names are offered too.
                if ((COMP_CWORD == 1)) || [[ ' \(names) ' != *" ${COMP_WORDS[1]} "* ]]; then
                    ((COMP_CWORD == 1)) && [[ "${cur}" != -* ]] && COMPREPLY+=($(compgen -W '\(names)' -- "${cur}"))
                    _pumptui_tui
                    return
                fi
                __pumptui_offer_flags_options 0

            """, fix: "bash: the main form")
        s.replace("""
                non_repeating_options=()
                __pumptui_offer_flags_options -1
            }
            """, with: """
                non_repeating_options=()
                __pumptui_offer_flags_options -1
                [[ "${cur}" = -* ]] || COMPREPLY+=($(compgen -W '\(names)' -- "${cur}"))
            }
            """, fix: "bash: help's subcommand names")
        let pathOptions = bashPathOptions(generated)
        s.replace("\ncomplete -o filenames -F _pumptui pumptui", with: """

            # @ and : are in COMP_WORDBREAKS, so bash hands over alice@host:8000 as five words: join
            # them back (as bash-completion's __reassemble_comp_words_by_ref does) for the generated
            # code, then give bash each answer from where its own last piece ($2) starts.
            __pumptui_join_words() {
                local line="${COMP_LINE}" word rest
                local -a joined=()
                local -i i j=-1 cword=0
                for ((i = 0; i < ${#COMP_WORDS[@]}; i++)); do
                    word="${COMP_WORDS[i]}"
                    rest="${line#"${line%%[![:space:]]*}"}"
                    if ((i > 0 && ${#rest} == ${#line})) && [[ "${word}" = [@:]* || "${joined[j]}" = *[@:] ]]; then
                        joined[j]+="${word}"
                    else
                        joined[++j]="${word}"
                    fi
                    line="${rest:${#word}}"
                    ((i == COMP_CWORD)) && cword=j
                done
                COMP_WORDS=("${joined[@]}")
                COMP_CWORD=cword
            }

            _pumptui() {
                local -a COMP_WORDS=("${COMP_WORDS[@]}")
                local -i COMP_CWORD="${COMP_CWORD}"
                __pumptui_join_words
                local -r word="${COMP_WORDS[COMP_CWORD]}"
                __pumptui_generated "${1}" "${word}" "${COMP_WORDS[COMP_CWORD - 1]}"
                local -r head="${word%"${2}"}"
                local -i i
                [[ -n "${head}" ]] && for i in "${!COMPREPLY[@]}"; do COMPREPLY[i]="${COMPREPLY[i]#"${head}"}"; done
                # Account and theme names are not file names: no backslashes before @ or :.
                case "${COMP_WORDS[COMP_CWORD - 1]}" in
                \(pathOptions.joined(separator: "|"))) ;;
                *) compopt +o filenames 2>/dev/null ;;
                esac
            }

            complete -o filenames -F _pumptui pumptui
            """, fix: "bash: words joined at @ and :")
        return s
    }

    /// Options whose values the generated bash script completes as files or directories.
    static func bashPathOptions(_ generated: String) -> [String] {
        var found: [String] = []
        let lines = generated.components(separatedBy: "\n")
        for (i, line) in lines.enumerated().dropLast() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            let next = lines[i + 1].trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("'--"), trimmed.hasSuffix("')"),
                  next == "__pumptui_add_completions -f" || next == "__pumptui_add_completions -d" else { continue }
            let option = String(trimmed.dropFirst().dropLast(2))
            if !found.contains(option) { found.append(option) }
        }
        return found.isEmpty ? ["--config-dir"] : found
    }

    static func zsh(_ generated: String) -> Patched {
        var s = Patched(text: generated)
        let described = subcommands.map { "'\($0.name):\($0.abstract.replacingOccurrences(of: "'", with: "'\\''"))'" }
            .joined(separator: " ")
        s.replace("""
                local -ir current_word_index="$((CURRENT - 1))"

            """, with: """
                local -ir current_word_index="$((CURRENT - 1))"

                # The main form, pumptui [ACCOUNT] [options], is tui's: a subcommand is only ever the
                # first word. While that word is typed, the subcommand names are offered too.
                if (( CURRENT == 2 )) || [[ ' \(names) ' != *" ${words[2]} "* ]]; then
                    local -i main=1
                    if (( CURRENT == 2 )) && [[ "${PREFIX}" != -* ]]; then
                        local -ar subcommands=(\(described))
                        _describe -V subcommand subcommands && main=0
                    fi
                    _pumptui_tui && main=0
                    return "${main}"
                fi

            """, fix: "zsh: the main form")
        s.replace("'*:subcommands:'", with: "'*:subcommands:(\(names))'", fix: "zsh: help's subcommand names")
        return s
    }

    static func fish(_ generated: String) -> Patched {
        var s = Patched(text: generated)
        s.replace("""
                set -l unparsed_tokens (__pumptui_tokens -pc)

            """, with: """
                set -l unparsed_tokens (__pumptui_tokens -pc)
                # The main form, pumptui [ACCOUNT] [options], is tui's: a subcommand is only ever the
                # first word, so without one the words are parsed as tui's.
                if not contains -- "$unparsed_tokens[2]" \(names)
                    set unparsed_tokens $unparsed_tokens[1] tui $unparsed_tokens[2..]
                end

            """, fix: "fish: the main form")
        // The subcommand names while the first word is typed (parsed as tui's now).
        s.replaceAll("-n '__pumptui_should_offer_completions_for_positional \"pumptui\" -eq 1' -fa",
                     with: "-n 'test (count (__pumptui_tokens -pc)) -eq 1' -fa", fix: "fish: subcommand names")
        if !s.text.hasSuffix("\n") { s.text += "\n" }
        s.text += """
            complete -c 'pumptui' -n '__pumptui_should_offer_completions_for_positional "pumptui help" -eq 1' -fa '\(names)'

            """
        return s
    }
}
