using KConnector.Cli;

return await KConnectorCommand
    .InvokeAsync(args, Console.Out, Console.Error, CancellationToken.None)
    .ConfigureAwait(false);
