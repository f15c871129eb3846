// Parses schemas with avsc (an Avro implementation no one here wrote), as a registry client would.
// Input (argv[2]): {"<C# type>": "<schema text it registers>", ...}.
// Output (argv[3]): {"<C# type>": {"error": null | "<avsc's message>", "md5": "<md5 of avsc's
// Parsing Canonical Form>"}, ...}.
import { readFileSync, writeFileSync } from 'node:fs';
import avro from 'avsc';

const schemas = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const result = {};
for (const [name, text] of Object.entries(schemas)) {
  try {
    const type = avro.Type.forSchema(JSON.parse(text));
    result[name] = { error: null, md5: type.fingerprint('md5').toString('hex') };
  } catch (e) {
    result[name] = { error: String(e.message), md5: null };
  }
}
writeFileSync(process.argv[3], JSON.stringify(result));
