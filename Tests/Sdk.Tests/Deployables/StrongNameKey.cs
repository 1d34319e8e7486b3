using System.Buffers.Binary;
using System.Security.Cryptography;

namespace LeadLifecycle.Sdk.Tests.Deployables;

/// <summary>
/// The public key token an assembly signed with a .snk gets: the .snk holds a CAPI key blob (PRIVATEKEYBLOB "RSA2" or a
/// public key); the assembly's public key is the strong-name header (CALG_RSA_SIGN, CALG_SHA1, length) followed by a
/// PUBLICKEYBLOB "RSA1" (key algorithm CALG_RSA_SIGN); the token is the last 8 bytes of its SHA-1, reversed.
/// </summary>
internal static class StrongNameKey
{
    private const int BlobHeaderSize = 8;   // bType, bVersion, reserved, aiKeyAlg
    private const int RsaPubKeySize = 12;   // magic, bitlen, pubexp
    private const uint CalgRsaSign = 0x00002400;
    private const uint CalgSha1 = 0x00008004;

    public static string PublicKeyTokenOf(string snkPath) => TokenOf(PublicKeyOf(File.ReadAllBytes(snkPath)));

    public static string TokenOf(byte[] publicKey)
    {
        byte[] hash = SHA1.HashData(publicKey);
        byte[] token = hash.Skip(hash.Length - 8).Reverse().ToArray();
        return Convert.ToHexString(token).ToLowerInvariant();
    }

    public static byte[] PublicKeyOf(byte[] snk)
    {
        const byte PrivateKeyBlob = 0x07;
        const byte PublicKeyBlob = 0x06;
        if (snk[0] != PrivateKeyBlob)
        {
            return snk; // already a strong-name public key (header + PUBLICKEYBLOB)
        }

        uint bitLength = BinaryPrimitives.ReadUInt32LittleEndian(snk.AsSpan(BlobHeaderSize + 4));
        uint exponent = BinaryPrimitives.ReadUInt32LittleEndian(snk.AsSpan(BlobHeaderSize + 8));
        ReadOnlySpan<byte> modulus = snk.AsSpan(BlobHeaderSize + RsaPubKeySize, (int)(bitLength / 8));

        var key = new byte[12 + BlobHeaderSize + RsaPubKeySize + modulus.Length];
        Span<byte> span = key;
        BinaryPrimitives.WriteUInt32LittleEndian(span, CalgRsaSign);
        BinaryPrimitives.WriteUInt32LittleEndian(span.Slice(4), CalgSha1);
        BinaryPrimitives.WriteUInt32LittleEndian(span.Slice(8), (uint)(BlobHeaderSize + RsaPubKeySize + modulus.Length));
        span[12] = PublicKeyBlob;
        span[13] = 0x02;
        BinaryPrimitives.WriteUInt32LittleEndian(span.Slice(16), CalgRsaSign); // the compiler writes RSA_SIGN whatever the .snk says
        BinaryPrimitives.WriteUInt32LittleEndian(span.Slice(20), 0x31415352); // "RSA1"
        BinaryPrimitives.WriteUInt32LittleEndian(span.Slice(24), bitLength);
        BinaryPrimitives.WriteUInt32LittleEndian(span.Slice(28), exponent);
        modulus.CopyTo(span.Slice(32));
        return key;
    }
}
