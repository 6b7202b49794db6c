import ArgumentParser

/// Framsteg: progression measurement and follow-up in coordinated vocational rehabilitation.
@main
struct Framsteg: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "framsteg",
        abstract: "Progression measurement and follow-up for samordningsförbund.",
        subcommands: [
            Serve.self, Migrate.self, Demo.self, Bench.self, ImportCommand.self, UserCommand.self, AssociationCommand.self,
            AuditCommand.self, KeyCommand.self,
        ]
    )
}
