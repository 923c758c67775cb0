/// The screen the router shows once an account is logged in. The client (branch `client`)
/// has the same shape; swapping is this file:
///     typealias ClientHost = ClientScreen; typealias ClientHostWorker = ClientWorker
///     typealias ClientHostHandoff = ClientHandoff
typealias ClientHost = HomeScreen
typealias ClientHostWorker = HomeWorker
typealias ClientHostHandoff = HomeHandoff
