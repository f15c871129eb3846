using Confluent.Kafka;
using KConnector.Worker;

namespace KConnector.Tests.Worker;

public sealed class SinkPartitionsTests
{
    [Fact]
    public void Find_GivesEachAssignedPartitionsState_WhateverTheTopicStringInstance()
    {
        var partitions = new SinkPartitions();
        partitions.Assign(new TopicPartition("orders", 0));
        partitions.Assign(new TopicPartition("orders", 7));
        partitions.Assign(new TopicPartition("payments", 7));

        var orders7 = partitions.Find("orders", 7)!;
        Assert.Equal(new TopicPartition("orders", 7), orders7.TopicPartition);
        // Records name their topic with a new string each: found by content, topics interleaved.
        Assert.Same(orders7, partitions.Find(new string("orders".AsSpan()), 7));
        Assert.Equal(
            new TopicPartition("payments", 7),
            partitions.Find("payments", 7)!.TopicPartition
        );
        Assert.Same(orders7, partitions.Find("orders", 7));
        Assert.Equal(new TopicPartition("orders", 0), partitions.Find("orders", 0)!.TopicPartition);

        Assert.Null(partitions.Find("orders", 3));
        Assert.Null(partitions.Find("orders", 100));
        Assert.Null(partitions.Find("refunds", 0));
        Assert.Equal(3, partitions.All.Count());
    }

    [Fact]
    public void RevokedThenAssignedAgain_IsANewState_SoRecordsReadBeforeCountForNothing()
    {
        var partitions = new SinkPartitions();
        var tp = new TopicPartition("orders", 2);
        partitions.Assign(tp);
        var before = partitions.Find("orders", 2)!;
        before.Done = 41;
        before.DoneCount = 3;

        partitions.Forget(tp);
        Assert.False(before.Assigned);
        Assert.Null(partitions.Find("orders", 2));
        Assert.Empty(partitions.All);

        partitions.Assign(tp);
        var after = partitions.Find("orders", 2)!;
        Assert.NotSame(before, after);
        Assert.True(after.Assigned);
        Assert.False(after.HasUncommitted);
        Assert.Equal(0, after.DoneCount);
    }

    [Fact]
    public void AssignedTwice_KeepsWhatWasFinished()
    {
        var partitions = new SinkPartitions();
        var tp = new TopicPartition("orders", 1);
        partitions.Assign(tp);
        var state = partitions.Find("orders", 1)!;
        state.Done = 10;

        partitions.Assign(tp);

        Assert.Same(state, partitions.Find("orders", 1));
        Assert.True(state.HasUncommitted);
        state.Committed = 10;
        Assert.False(state.HasUncommitted);
    }
}
