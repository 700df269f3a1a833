import { OFFICE } from './office-api';
import { serve, type Port } from './rpc';

serve(self as unknown as Port, OFFICE);
