using System.Diagnostics;

namespace KConnector.Throughput;

/// <summary>How the harness starts itself again in another role (cluster, worker-only).</summary>
internal static class SelfStart
{
    public static ProcessStartInfo Info(params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        // Under `dotnet run` the process is the dotnet host: name the harness assembly.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            start.ArgumentList.Add(typeof(SelfStart).Assembly.Location);
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        return start;
    }
}
