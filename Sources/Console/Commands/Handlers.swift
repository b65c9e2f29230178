enum ActionHandlers { static let all: [String: CommandLineRouter.Handler] = [:] }
enum ServiceHandlers { static let all: [String: CommandLineRouter.Handler] = [:] }
