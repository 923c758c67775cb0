import Foundation
import PumpCore

/// The keys on our person lists (`M`) and a list's members: the prompts and dialogs they open.
extension ClientScreen {
    /// The list the keys act on: the one selected on the lists page, or the members page's.
    var currentList: PumpObject? { pages.currentList(selected: selectedItem) }

    mutating func listAction(_ action: Action) -> Effects {
        let width = max(10, size.cols - 30)
        switch action {
        case .newList:
            modal = .prompt(TextBox(label: "New list", maxLength: 100, focused: true, viewWidth: width), .newList)
        case .renameList:
            guard let list = currentList else { say("No list selected.", .warning); return [] }
            modal = .prompt(TextBox(label: "Rename to", text: list.title ?? "", maxLength: 100, focused: true, viewWidth: width),
                            .renameList(list))
        case .deleteList:
            guard pages.top?.isLists == true, let list = currentList else { say("No list selected.", .warning); return [] }
            modal = .confirm(ConfirmDialog("Delete the list \(list.title ?? "")? The people stay; only the list goes.",
                                           yes: "Delete", no: "Keep"), .deleteList(list))
        case .addToList:
            guard let list = currentList else { say("Open a list first (M, Enter).", .warning); return [] }
            modal = .prompt(TextBox(label: "Add (nick@host)", focused: true, viewWidth: width), .addToList(list))
        case .removeFromList:
            guard let list = currentList, case .person(let p)? = selectedItem else { say("No one selected.", .warning); return [] }
            return run(.start(.listChange(.remove(p, from: list)), "Removing \(p.label) from \(list.title ?? "the list")…"))
        default: break
        }
        return []
    }
}
