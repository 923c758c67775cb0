/// What one call of a part of the client (`ComposeFlow`, `ImageFlow`, `Pages`: issue 25's
/// sub-models) returns: effects in the part's own message and job types, which the client lifts
/// (`Effect.mapped`), and what the client must do for it (`Outcome`), carried out in order by the
/// part's glue (`ClientScreen+Compose`, `+Image`, `+Pages`). One type, so every part reads alike.
struct PartStep<Message: Sendable, Job: Sendable, Outcome> {
    var effects: [Effect<Message, Job>] = []
    var outcomes: [Outcome] = []

    static func + (a: Self, b: Self) -> Self { Self(effects: a.effects + b.effects, outcomes: a.outcomes + b.outcomes) }
}

extension PartStep: Sendable where Outcome: Sendable {}

/// The status-line outcomes every part has (`say`, and `progress` that stays until its answer).
protocol StatusOutcome {
    static func say(_ text: String, _ kind: StatusLine.Kind) -> Self
    static func progress(_ text: String) -> Self
}

extension PartStep where Outcome: StatusOutcome {
    /// Starts a job; a non-empty `progress` goes on the status line until the answer.
    static func start(_ job: Job, _ progress: String) -> Self {
        Self(effects: [.run(job)], outcomes: progress.isEmpty ? [] : [.progress(progress)])
    }

    static func say(_ text: String, _ kind: StatusLine.Kind = .info) -> Self { Self(outcomes: [.say(text, kind)]) }
}
