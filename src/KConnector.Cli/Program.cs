using KConnector.Cli;
using KConnector.Cli.Running;

using var signals = new StopSignals();
return await KConnectorCommand
    .InvokeAsync(args, Console.Out, Console.Error, signals.Token)
    .ConfigureAwait(false);
