namespace KConnector.Connectors.Redis.Configuration;

/// <summary>The Redis command a sink record becomes (<c>redis.command</c>).</summary>
public enum RedisSinkCommand
{
    /// <summary>SET key value [PX ttl]: the value as a string (a record as a JSON object).</summary>
    Set,

    /// <summary>HSET key field value...: one hash field per record field.</summary>
    Hset,

    /// <summary>XADD stream * field value...: one stream entry per record.</summary>
    Xadd,
}
