// Generated from themes/*.theme; BuiltinThemesTests fails when the two differ.
// The built-ins live in the binary so an installed pumptui needs no themes/ directory.
enum BuiltinThemes {
    /// Built-in theme names, in the order help and errors list them.
    static let names = ["default", "dark", "light", "high-contrast", "mono"]

    static let sources: [String: String] = [
        "default": #"""
        # pumptui theme "default" — 8 colours, terminal background
        #
        # Format: one line per role, `role = fg [on bg] [bold] [underline] [reverse] [dim]`.
        #   Colours: black red green yellow blue magenta cyan white, bright-black … bright-white,
        #   a number 0-255, or `default` (the terminal's own colour; keeps transparent terminals
        #   transparent). The foreground may be left out when only attributes are given.
        #   `#` starts a comment. Roles not listed fall back to `text`.
        # Roles: text title muted url focus button buttonFocus input inputFocus error warning success
        #   selection author time border status hintKey hint mark link
        # Copy this file to $XDG_CONFIG_HOME/pumptui/themes/NAME.theme to make your own; choose it
        # with --theme NAME or PUMPTUI_THEME=NAME. 256-colour numbers map to the nearest of the 8
        # basic colours on smaller terminals; NO_COLOR / --no-color keep only the mono attributes.

        text        = default
        title       = white on blue bold
        muted       = default dim
        url         = cyan underline
        focus       = yellow bold
        button      = default bold
        buttonFocus = black on cyan bold
        input       = default underline
        inputFocus  = default
        error       = red bold
        warning     = yellow bold
        success     = green bold
        selection   = black on cyan
        author      = green bold
        time        = default dim
        border      = blue
        status      = default
        hintKey     = cyan bold
        hint        = default dim
        mark        = magenta bold
        link        = cyan underline

        """#,
        "dark": #"""
        # pumptui theme "dark" — 256 colours for dark backgrounds
        #
        # Format: one line per role, `role = fg [on bg] [bold] [underline] [reverse] [dim]`.
        #   Colours: black red green yellow blue magenta cyan white, bright-black … bright-white,
        #   a number 0-255, or `default` (the terminal's own colour; keeps transparent terminals
        #   transparent). The foreground may be left out when only attributes are given.
        #   `#` starts a comment. Roles not listed fall back to `text`.
        # Roles: text title muted url focus button buttonFocus input inputFocus error warning success
        #   selection author time border status hintKey hint mark link
        # Copy this file to $XDG_CONFIG_HOME/pumptui/themes/NAME.theme to make your own; choose it
        # with --theme NAME or PUMPTUI_THEME=NAME. 256-colour numbers map to the nearest of the 8
        # basic colours on smaller terminals; NO_COLOR / --no-color keep only the mono attributes.

        text        = 252
        title       = 231 on 24 bold
        muted       = 245
        url         = 117 underline
        focus       = 221 bold
        button      = 252 bold
        buttonFocus = 16 on 117 bold
        input       = 252 on 236 underline
        inputFocus  = 231 on 24
        error       = 203 bold
        warning     = 221 bold
        success     = 114 bold
        selection   = 231 on 238
        author      = 114 bold
        time        = 245
        border      = 67
        status      = 250
        hintKey     = 117 bold
        hint        = 245
        mark        = 213 bold
        link        = 117 underline

        """#,
        "light": #"""
        # pumptui theme "light" — 256 colours for light backgrounds
        #
        # Format: one line per role, `role = fg [on bg] [bold] [underline] [reverse] [dim]`.
        #   Colours: black red green yellow blue magenta cyan white, bright-black … bright-white,
        #   a number 0-255, or `default` (the terminal's own colour; keeps transparent terminals
        #   transparent). The foreground may be left out when only attributes are given.
        #   `#` starts a comment. Roles not listed fall back to `text`.
        # Roles: text title muted url focus button buttonFocus input inputFocus error warning success
        #   selection author time border status hintKey hint mark link
        # Copy this file to $XDG_CONFIG_HOME/pumptui/themes/NAME.theme to make your own; choose it
        # with --theme NAME or PUMPTUI_THEME=NAME. 256-colour numbers map to the nearest of the 8
        # basic colours on smaller terminals; NO_COLOR / --no-color keep only the mono attributes.

        text        = 235
        title       = 231 on 25 bold
        muted       = 243
        url         = 25 underline
        focus       = 130 bold
        button      = 235 bold
        buttonFocus = 231 on 25 bold
        input       = 235 on 254 underline
        inputFocus  = 16 on 153
        error       = 160 bold
        warning     = 130 bold
        success     = 28 bold
        selection   = 16 on 153
        author      = 28 bold
        time        = 243
        border      = 67
        status      = 235
        hintKey     = 25 bold
        hint        = 243
        mark        = 127 bold
        link        = 25 underline

        """#,
        "high-contrast": #"""
        # pumptui theme "high-contrast" — bright colours and bold for low vision
        #
        # Format: one line per role, `role = fg [on bg] [bold] [underline] [reverse] [dim]`.
        #   Colours: black red green yellow blue magenta cyan white, bright-black … bright-white,
        #   a number 0-255, or `default` (the terminal's own colour; keeps transparent terminals
        #   transparent). The foreground may be left out when only attributes are given.
        #   `#` starts a comment. Roles not listed fall back to `text`.
        # Roles: text title muted url focus button buttonFocus input inputFocus error warning success
        #   selection author time border status hintKey hint mark link
        # Copy this file to $XDG_CONFIG_HOME/pumptui/themes/NAME.theme to make your own; choose it
        # with --theme NAME or PUMPTUI_THEME=NAME. 256-colour numbers map to the nearest of the 8
        # basic colours on smaller terminals; NO_COLOR / --no-color keep only the mono attributes.

        text        = bright-white
        title       = black on bright-yellow bold
        muted       = white
        url         = bright-cyan bold underline
        focus       = bright-yellow bold
        button      = bright-white bold
        buttonFocus = black on bright-yellow bold
        input       = bright-white underline
        inputFocus  = black on bright-white
        error       = bright-white on red bold
        warning     = black on yellow bold
        success     = black on green bold
        selection   = black on bright-cyan
        author      = bright-green bold
        time        = white
        border      = bright-white
        status      = bright-white bold
        hintKey     = black on bright-white bold
        hint        = bright-white
        mark        = bright-magenta bold
        link        = bright-cyan underline

        """#,
        "mono": #"""
        # pumptui theme "mono" — no colour: attributes only (used for NO_COLOR)
        #
        # Format: one line per role, `role = fg [on bg] [bold] [underline] [reverse] [dim]`.
        #   Colours: black red green yellow blue magenta cyan white, bright-black … bright-white,
        #   a number 0-255, or `default` (the terminal's own colour; keeps transparent terminals
        #   transparent). The foreground may be left out when only attributes are given.
        #   `#` starts a comment. Roles not listed fall back to `text`.
        # Roles: text title muted url focus button buttonFocus input inputFocus error warning success
        #   selection author time border status hintKey hint mark link
        # Copy this file to $XDG_CONFIG_HOME/pumptui/themes/NAME.theme to make your own; choose it
        # with --theme NAME or PUMPTUI_THEME=NAME. 256-colour numbers map to the nearest of the 8
        # basic colours on smaller terminals; NO_COLOR / --no-color keep only the mono attributes.

        text        = default
        title       = default bold reverse
        muted       = default dim
        url         = default underline
        focus       = default bold
        button      = default bold
        buttonFocus = default bold reverse
        input       = default underline
        inputFocus  = default reverse
        error       = default bold underline
        warning     = default bold
        success     = default bold
        selection   = default reverse
        author      = default bold
        time        = default dim
        border      = default dim
        status      = default
        hintKey     = default reverse
        hint        = default dim
        mark        = default bold
        link        = default underline

        """#,
    ]
}
