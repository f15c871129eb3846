using Company.Connector;
using KConnector.Hosting;
using KConnector.Rest;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
#if (httpSource)
using Microsoft.Extensions.Logging;
#endif

// A web application, so that the worker serves Kafka Connect's REST API (curl, kafka-ui, AKHQ,
// Terraform: README.md). The slim builder keeps it small and Native AOT clean.
var builder = WebApplication.CreateSlimBuilder(args);

// The connector's config, in Kafka Connect's keys, comes from the "Connector" section of
// appsettings.json, environment variables (Connector__tasks.max=2) or the command line
// (--Connector:bootstrap.servers=host:9092). With no bootstrap.servers it runs on an embedded
// Kafka cluster inside this process: handy to try things, NOT durable.
var connector = builder.Configuration.GetSection("Connector");
#if (sqlSource)

// Hosted services start in the order they are added: the table the connector copies (with sample
// rows, embedded cluster only) is made before the worker starts the connector.
builder.Services.AddHostedService<SampleOrdersTable>();
#endif

// Worker keys (Kafka Connect's worker properties: offset.flush.interval.ms,
// offset.storage.file.filename, producer.*, consumer.*, listeners) come from the "Worker" section.
var worker = builder.Configuration.GetSection("Worker");
builder.Services.AddKConnectorWorker(worker);

// Kafka Connect's REST API on the worker's listeners (appsettings.json: http://127.0.0.1:8083).
builder.AddKafkaConnectRestApi(worker);
#if (source)
builder.Services.AddOrdersSourceConnector(connector);
#elif (sink)
builder.Services.AddHostedService<SampleOrdersFeeder>();
builder.Services.AddOrdersSinkConnector(connector);
#else
#if (sampleFeeder)
builder.Services.AddHostedService<SampleOrdersFeeder>();
#endif
#if (httpSource)
// Before the connector starts: while the spec's url is the sample one, a small API of sample
// orders on a free port of 127.0.0.1 for it to poll (SampleOrdersApi.cs).
using var loggers = LoggerFactory.Create(logging => logging.AddConsole());
await using var sampleApi = await SampleOrdersApi.StartIfSampleUrlAsync(
    builder.Configuration,
    loggers.CreateLogger<SampleOrdersApi>()
);
#endif

// BUILT_IN_SPEC_FILE is the connector: the generator turned it into OrdersBuiltInConfig and
// OrdersBuiltInWorker; the section's keys override the spec's values.
builder.Services.AddOrdersBuiltInConnector(connector);
#endif
builder.Services.AddHostedService<ProgressReporter>();

var app = builder.Build();
app.MapKafkaConnectRestApi();
await app.RunAsync();
