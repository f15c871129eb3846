using KConnector.Connectors.File.Tests.Records;
using KConnector.Connectors.Shapes;

namespace KConnector.Connectors.File.Tests;

/// <summary>
/// The accessor the generator wrote for measurement.avsc (Specs/measurements-file-source.connector.json
/// names it) maps records exactly as <see cref="AvroRecordAccessor{T}"/>, which encodes each record
/// and walks the bytes: the same shape, the same values, logical types by their Avro encoding.
/// </summary>
public sealed class GeneratedRecordAccessorTests
{
    private static readonly Measurement Full = new()
    {
        Id = 7,
        Sensor = "s-7",
        Value = -1.25,
        TakenAt = new DateTimeOffset(2026, 11, 21, 8, 30, 15, 123, TimeSpan.Zero),
        Batch = Guid.Parse("6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b"),
        Unit = "kelvin",
        Note = "checked",
        CheckedOn = new DateOnly(2026, 11, 20),
        Window = new TimeOnly(13, 45, 30, 250, 125),
        Raw = [0, 1, 254, 255],
    };

    private static readonly Measurement Sparse = Full with
    {
        Note = null,
        CheckedOn = null,
        Window = null,
        Raw = null,
    };

    [Fact]
    public void Shape_IsTheSchemasShape_WithItsDefaults()
    {
        var generated = MeasurementRecordAccessor.RecordShape;
        var parsed = RecordShape.FromAvroSchema(Measurement.AvroSchemaJson);

        Assert.Equal(parsed.Name, generated.Name);
        Assert.Equal(parsed.Fields, generated.Fields);
        Assert.Equal("celsius", generated.Fields[generated.IndexOf("unit")].Default);
        Assert.Null(generated.Fields[generated.IndexOf("note")].Default);
        Assert.True(generated.Fields[generated.IndexOf("note")].HasDefault);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Read_GivesTheValuesTheAvroEncodingHolds(bool full)
    {
        var record = full ? Full : Sparse;
        var generated = new object?[10];
        var walked = new object?[10];

        new MeasurementRecordAccessor().Read(record, generated);
        new AvroRecordAccessor<Measurement>().Read(record, walked);

        Assert.Equal(walked, generated);
        Assert.Equal(
            full
                ? new DateOnly(2026, 11, 20).DayNumber
                    - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber
                : null,
            generated[7]
        );
        Assert.Equal(Full.TakenAt.ToUnixTimeMilliseconds(), generated[3]);
        Assert.Equal("6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b", generated[4]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Create_BuildsTheRecordBack(bool full)
    {
        var record = full ? Full : Sparse;
        var accessor = new MeasurementRecordAccessor();
        var values = new object?[10];
        accessor.Read(record, values);

        var created = accessor.Create(values);

        Assert.Equal(record with { Raw = null }, created with { Raw = null });
        Assert.Equal(record.Raw, created.Raw);
        Assert.Equal(
            new AvroRecordAccessor<Measurement>().Create(values) with
            {
                Raw = null,
            },
            created with
            {
                Raw = null,
            }
        );
    }

    [Fact]
    public void Create_WithNullForARequiredField_NamesTheField()
    {
        var values = new object?[10];
        new MeasurementRecordAccessor().Read(Full, values);
        values[1] = null;

        var error = Assert.Throws<FormatException>(() =>
            new MeasurementRecordAccessor().Create(values)
        );

        Assert.Contains("field 'sensor'", error.Message, StringComparison.Ordinal);
        Assert.Contains("not nullable", error.Message, StringComparison.Ordinal);
    }
}
