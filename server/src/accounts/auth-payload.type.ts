import { Field, ObjectType } from 'type-graphql';
import { User } from './user.entity.js';

@ObjectType({
  description: 'A signed-in session: the access token and who it belongs to.',
})
export class AuthPayload {
  @Field(() => String, {
    description: 'Access token: send it as `Authorization: Bearer <token>` or in the WebSocket connectionParams.',
  })
  token!: string;

  @Field(() => Date, { description: 'When the token stops being accepted.' })
  expiresAt!: Date;

  @Field(() => User, { description: 'The signed-in account.' })
  user!: User;
}
