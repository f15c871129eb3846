using Company.Connector;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder(args);

// The connector's config, in Kafka Connect's keys, comes from the "Connector" section of
// appsettings.json, environment variables (Connector__tasks.max=2) or the command line
// (--Connector:bootstrap.servers=host:9092). With no bootstrap.servers it runs on an embedded
// Kafka cluster inside this process: handy to try things, NOT durable.
var connector = builder.Configuration.GetSection("Connector");
#if (source)
builder.Services.AddOrdersSourceConnector(connector);
#elif (sink)
builder.Services.AddOrdersSinkConnector(connector);
builder.Services.AddHostedService<SampleOrdersFeeder>();
#else
// orders-file-sink.connector.json is the connector: the generator turned it into
// OrdersFileSinkConfig/OrdersFileSinkWorker; the section's keys override the spec's values.
builder.Services.AddOrdersFileSinkConnector(connector);
builder.Services.AddHostedService<SampleOrdersFeeder>();
#endif
builder.Services.AddHostedService<ProgressReporter>();

await builder.Build().RunAsync();
