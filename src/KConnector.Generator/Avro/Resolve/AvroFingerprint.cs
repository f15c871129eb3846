using System.Text;

namespace KConnector.Generator.Avro;

/// <summary>
/// CRC-64-AVRO, the Rabin fingerprint of the specification ("Schema Fingerprints"): the
/// polynomial's table built from EMPTY = 0xc15d213aa4d7a795, applied to the UTF-8 bytes of the
/// Parsing Canonical Form.
/// </summary>
internal static class AvroFingerprint
{
    private const ulong Empty = 0xc15d213aa4d7a795UL;
    private static readonly ulong[] Table = BuildTable();

    public static long Of(string canonicalForm)
    {
        var fp = Empty;
        foreach (var b in Encoding.UTF8.GetBytes(canonicalForm))
        {
            fp = (fp >> 8) ^ Table[(int)(fp ^ b) & 0xff];
        }
        return unchecked((long)fp);
    }

    private static ulong[] BuildTable()
    {
        var table = new ulong[256];
        for (var i = 0; i < 256; i++)
        {
            var fp = (ulong)i;
            for (var j = 0; j < 8; j++)
            {
                fp = (fp >> 1) ^ (Empty & (0UL - (fp & 1)));
            }
            table[i] = fp;
        }
        return table;
    }
}
