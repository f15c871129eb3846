namespace KConnector.Worker;

/// <summary>
/// What one task owns and releases when its run ends: the Schema Registry clients its converters
/// use (an HTTP client each; the converters do not expose them) and the task itself when it is
/// disposable. A generated worker builds one per task and releases it from
/// <see cref="TaskRunner{TKey, TValue}.Stopped"/>; a restarted task gets new ones.
/// </summary>
public sealed class TaskResources : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    /// <summary>Takes ownership of <paramref name="resource"/> when it is disposable; returns it.</summary>
    public T Own<T>(T resource)
    {
        if (resource is IDisposable disposable)
        {
            lock (_owned)
            {
                _owned.Add(disposable);
            }
        }
        return resource;
    }

    /// <summary>Disposes every owned resource, the last taken first; once.</summary>
    public void Dispose()
    {
        List<IDisposable> owned;
        lock (_owned)
        {
            owned = [.. _owned];
            _owned.Clear();
        }
        for (var i = owned.Count - 1; i >= 0; i--)
        {
            owned[i].Dispose();
        }
    }
}
