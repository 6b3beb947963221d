import java.io.File;
import java.util.Arrays;
import org.web3j.codegen.SolidityFunctionWrapperGenerator;

/**
 * Generates a web3j wrapper for every {@code <Name>.abi}/{@code <Name>.bin} pair that
 * scripts/compile.js wrote. Run with Java's single-file launcher on the web3j codegen classpath:
 * {@code java -cp <codegen classpath> scripts/GenerateWrappers.java <solcOutDir> <javaOutDir> <package>}.
 */
public class GenerateWrappers {
    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: GenerateWrappers <solcOutDir> <javaOutDir> <package>");
            System.exit(2);
        }
        File in = new File(args[0]);
        File out = new File(args[1]);
        File[] abis = in.listFiles((dir, name) -> name.endsWith(".abi"));
        if (abis == null || abis.length == 0) {
            System.err.println("FAIL: no .abi files in " + in + ": did scripts/compile.js run?");
            System.exit(1);
        }
        Arrays.sort(abis);
        for (File abi : abis) {
            String name = abi.getName().substring(0, abi.getName().length() - ".abi".length());
            File bin = new File(in, name + ".bin");
            new SolidityFunctionWrapperGenerator(bin, abi, out, name, args[2], true, false, 20).generate();
        }
        System.out.println("generated " + abis.length + " web3j wrapper(s) in " + out);
    }
}
