namespace KConnector.Kafka;

/// <summary>Kafka protocol API keys, for targeting injected request errors at one kind of request.</summary>
public enum KafkaApiKey : short
{
    /// <summary>Produce.</summary>
    Produce = 0,

    /// <summary>Fetch.</summary>
    Fetch = 1,

    /// <summary>ListOffsets.</summary>
    ListOffsets = 2,

    /// <summary>Metadata.</summary>
    Metadata = 3,

    /// <summary>OffsetCommit.</summary>
    OffsetCommit = 8,

    /// <summary>OffsetFetch.</summary>
    OffsetFetch = 9,

    /// <summary>FindCoordinator.</summary>
    FindCoordinator = 10,

    /// <summary>JoinGroup.</summary>
    JoinGroup = 11,

    /// <summary>Heartbeat.</summary>
    Heartbeat = 12,

    /// <summary>LeaveGroup.</summary>
    LeaveGroup = 13,

    /// <summary>SyncGroup.</summary>
    SyncGroup = 14,

    /// <summary>ApiVersions.</summary>
    ApiVersions = 18,

    /// <summary>InitProducerId (idempotent and transactional producers).</summary>
    InitProducerId = 22,

    /// <summary>EndTxn.</summary>
    EndTxn = 26,

    /// <summary>ConsumerGroupHeartbeat (KIP-848 consumer groups).</summary>
    ConsumerGroupHeartbeat = 68,
}
