// Cross-checks KConnector's converters against Confluent's own JavaScript serdes
// (@confluentinc/schemaregistry with its in-memory client).
// Input (argv[2]): KConnector's serialized records and the schemas it registered, in the order it
// registered them (so that ids 1, 2, 3 mean the same schemas on both sides).
// Output (argv[3]): what the JS deserializers read from KConnector's bytes, and bytes the JS
// serializers wrote for KConnector to read.
import { readFileSync, writeFileSync } from 'node:fs';
import {
  MockClient,
  SerdeType,
  AvroSerializer,
  AvroDeserializer,
  ProtobufSerializer,
  ProtobufDeserializer,
  JsonSerializer,
  JsonDeserializer,
} from '@confluentinc/schemaregistry';
import { create, createFileRegistry, createMutableRegistry, fromBinary } from '@bufbuild/protobuf';
import { FileDescriptorProtoSchema } from '@bufbuild/protobuf/wkt';

const input = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const client = new MockClient({ baseURLs: ['mock://interop'] });

// Same order as KConnector registered: Avro (id 1), Protobuf (2), JSON Schema (3).
const ids = [];
ids.push(await client.register('payments-value', { schemaType: 'AVRO', schema: input.avroSchema }, false));
// Confluent's JS serdes hold Protobuf schemas as a base64 FileDescriptorProto (what a real
// registry returns for format=serialized); KConnector registers the .proto text. Same id, same file.
ids.push(await client.register('orders-value', { schemaType: 'PROTOBUF', schema: input.protoDescriptor }, false));
ids.push(await client.register('customers-value', { schemaType: 'JSON', schema: input.jsonSchema }, false));

const fileProto = fromBinary(FileDescriptorProtoSchema, Buffer.from(input.protoDescriptor, 'base64'));
const files = createFileRegistry(fileProto, () => undefined);
const OrderDesc = files.getMessage('kconnector.tests.shop.Order');
const LineDesc = files.getMessage('kconnector.tests.shop.Order.Line');
const messages = createMutableRegistry(OrderDesc, LineDesc, files.getMessage('kconnector.tests.shop.Customer'));

const latest = { useLatestVersion: true, autoRegisterSchemas: false };
const avroSer = new AvroSerializer(client, SerdeType.VALUE, latest);
const avroDes = new AvroDeserializer(client, SerdeType.VALUE, {});
const protoSer = new ProtobufSerializer(client, SerdeType.VALUE, { ...latest, registry: messages });
const lineSer = new ProtobufSerializer(client, SerdeType.VALUE, { useSchemaId: ids[1], registry: messages });
const protoDes = new ProtobufDeserializer(client, SerdeType.VALUE, {});
const jsonSer = new JsonSerializer(client, SerdeType.VALUE, { ...latest, validate: true });
const jsonDes = new JsonDeserializer(client, SerdeType.VALUE, { validate: true });

const b64 = (buf) => Buffer.from(buf).toString('base64');
const bytes = (s) => Buffer.from(s, 'base64');

// What the JS deserializers read from KConnector's bytes.
const avro = await avroDes.deserialize('payments', bytes(input.avro));
const order = await protoDes.deserialize('orders', bytes(input.protobuf));
// The JS mock keys ids by subject (a real registry does not), so the nested message travels under orders-value too.
const line = await protoDes.deserialize('orders', bytes(input.line));
const customer = await jsonDes.deserialize('customers', bytes(input.json));

let invalidJson = null;
try {
  await jsonDes.deserialize('customers', bytes(input.invalidJson));
} catch (e) {
  invalidJson = String(e.message ?? e);
}

// What the JS serializers write for KConnector to read.
const out = {
  ids,
  read: {
    avro: { ...avro, amount_cents: String(avro.amount_cents), token: b64(avro.token) },
    order: {
      typeName: order.$typeName,
      id: order.id,
      quantity: String(order.quantity),
      price: order.price,
      customer: { id: order.customer.id, name: order.customer.name },
      lines: order.lines.map((l) => ({ sku: l.sku, count: l.count })),
    },
    line: { typeName: line.$typeName, sku: line.sku, count: line.count },
    customer,
    invalidJson,
  },
  written: {
    avro: b64(
      await avroSer.serialize('payments', {
        id: 'p-js',
        amount_cents: 123456789012,
        attempts: 3,
        rate: 0.125,
        captured: true,
        token: Buffer.from([9, 8, 7]),
        memo: 'from node',
      }),
    ),
    order: b64(
      await protoSer.serialize(
        'orders',
        create(OrderDesc, {
          id: 'o-js',
          quantity: 7n,
          price: 19.5,
          customer: { id: 'c-js', name: 'Zoë' },
          lines: [{ sku: 's1', count: 2 }],
        }),
      ),
    ),
    line: b64(await lineSer.serialize('orders', create(LineDesc, { sku: 'nested', count: 5 }))),
    customer: b64(await jsonSer.serialize('customers', { id: 'c-js', age: 30, email: null })),
  },
};
writeFileSync(process.argv[3], JSON.stringify(out, null, 2));
