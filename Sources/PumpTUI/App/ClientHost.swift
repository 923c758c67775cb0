/// The screen the router shows once an account is logged in: the client (Screens/Client).
typealias ClientHost = ClientScreen
typealias ClientHostWorker = ClientWorker
typealias ClientHostHandoff = ClientHandoff
