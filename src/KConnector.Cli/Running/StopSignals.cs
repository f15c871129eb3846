using System.Runtime.InteropServices;

namespace KConnector.Cli.Running;

/// <summary>
/// Turns SIGINT (Ctrl+C) and SIGTERM into a clean stop, as Kafka Connect's <c>ConnectStandalone</c>
/// does through its shutdown hook: the first signal cancels <see cref="Token"/> and keeps the process
/// alive so that tasks stop, sinks flush, offsets commit and the summary prints; a second signal
/// ends the process at once (the runtime's default), for a stop that hangs.
/// </summary>
internal sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly PosixSignalRegistration[] _registrations;

    public StopSignals()
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
        ];
    }

    /// <summary>Cancelled by the first SIGINT or SIGTERM.</summary>
    public CancellationToken Token => _stop.Token;

    private void OnSignal(PosixSignalContext context)
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }
        context.Cancel = true;
        _stop.Cancel();
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
        _stop.Dispose();
    }
}
