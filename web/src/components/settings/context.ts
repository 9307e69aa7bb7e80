import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { Account } from "../../models/account";

export const AccountContext = createContext<Account>(null!);
export const useAccount = () => useContext(AccountContext);
